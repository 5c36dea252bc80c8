package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import sift.web.auth.LoginBrowserIT;

/** Issue 23: on a first run where no feed answers, the banner is where readers look, on a desktop and a phone. */
class FirstRunBrowserIT {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromiumAndItsDriver() {
        LoginBrowserIT.needsChromiumAndItsDriver();
    }

    @Test
    void theBannerSaysNoFeedWasReachedAndFitsTheScreen() throws Exception {
        List<String> unreachable = List.of("http://127.0.0.1:9/blog.xml", "http://127.0.0.1:9/show.rss");
        try (TestApp app = TestApp.startPrivate(dir.resolve("data"), unreachable, PASSWORD)) {
            app.server.ingestion().scheduler().refreshAll();
            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            try {
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/", "River · Sift");
                for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                    browser.manage().window().setSize(size);
                    for (String page : List.of("/", "/podcasts", "/digest")) {
                        browser.get(app.url(page));
                        WebElement banner = browser.findElement(By.cssSelector(".notice.reach"));
                        assertThat(banner.isDisplayed()).as(page).isTrue();
                        assertThat(banner.getText()).as(page).contains("0 of 2 feeds reached");
                        long viewport = (Long) ((JavascriptExecutor) browser)
                                .executeScript("return document.documentElement.clientWidth");
                        assertThat(banner.getRect().getX() + banner.getRect().getWidth())
                                .as(page + " at " + size.getWidth() + " px: the banner within the screen")
                                .isLessThanOrEqualTo((int) viewport);
                    }
                    browser.get(app.url("/"));
                    if (size.getWidth() >= 1366) {
                        WebElement header = browser.findElement(By.cssSelector("header.top"));
                        assertThat(header.getRect().getHeight())
                                .as("the header is one row at 1366 px")
                                .isLessThan(70);
                    }
                    LoginBrowserIT.screenshot(browser, "first-run-" + size.getWidth() + ".png");
                }
            } finally {
                browser.quit();
            }
        }
    }
}
