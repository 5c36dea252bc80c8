package sift.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import sift.web.TestApp;
import sift.web.auth.LoginBrowserIT;

/** Issue 23: one form style; checkboxes beside their labels; the removal of a feed set apart in red. */
class FormsBrowserIT {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromiumAndItsDriver() {
        LoginBrowserIT.needsChromiumAndItsDriver();
    }

    @Test
    void checkboxesStandBesideTheirLabelsAndTheRemovalIsSetApart() throws Exception {
        try (TestApp app =
                TestApp.startPrivate(dir.resolve("data"), List.of("http://127.0.0.1:9/feed.xml"), PASSWORD)) {
            long feed = app.server.db().feeds().all().get(0).id();
            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            try {
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/", "River · Sift");
                for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                    browser.manage().window().setSize(size);
                    for (String page : List.of("/account", "/admin/feeds/" + feed, "/admin/users")) {
                        browser.get(app.url(page));
                        List<WebElement> boxes = browser.findElements(By.cssSelector("label input[type=checkbox]"));
                        assertThat(boxes).as(page).isNotEmpty();
                        for (WebElement box : boxes) {
                            Rectangle label = box.findElement(By.xpath("./ancestor::label"))
                                    .getRect();
                            Rectangle rect = box.getRect();
                            assertThat(rect.getWidth())
                                    .as(page + ": a checkbox, not stretched")
                                    .isLessThan(40);
                            assertThat(rect.getX() - label.getX())
                                    .as(page + ": the checkbox starts its label")
                                    .isLessThan(8);
                        }
                    }
                    browser.get(app.url("/admin/feeds"));
                    var js = (org.openqa.selenium.JavascriptExecutor) browser;
                    long overflow = (Long) js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Object wide = js.executeScript("""
                            var w = document.documentElement.clientWidth, out = [];
                            document.querySelectorAll('body *').forEach(e => {
                              var r = e.getBoundingClientRect();
                              if (r.right > w + 1 && !e.closest('.wide')) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right) + ' ' + (e.textContent || '').trim().slice(0, 30));
                            });
                            return out.slice(0, 3).join('; ');""");
                    assertThat(overflow)
                            .as("nothing spills past the viewport at " + size + ": " + wide)
                            .isLessThanOrEqualTo(0);
                    assertThat(browser.findElement(By.cssSelector("nav[aria-label=Admin] a[aria-current=page]"))
                                    .getText())
                            .isEqualTo("Feeds");
                    assertThat(browser.findElement(By.cssSelector(".feed-health"))
                                    .getLocation()
                                    .getY())
                            .as("feed health before the forms")
                            .isLessThan(browser.findElement(By.cssSelector("form.add-feed"))
                                    .getLocation()
                                    .getY());
                    LoginBrowserIT.screenshot(browser, "admin-feeds-" + size.getWidth() + ".png");
                    browser.get(app.url("/admin/feeds/" + feed));
                    WebElement danger = browser.findElement(By.cssSelector("form.danger"));
                    WebElement save = browser.findElement(By.cssSelector("form.feed-settings button"));
                    assertThat(danger.getRect().getY())
                            .as("the removal well below Save")
                            .isGreaterThan(
                                    save.getRect().getY() + save.getRect().getHeight() + 20);
                    assertThat(danger.findElement(By.tagName("button")).getCssValue("background-color"))
                            .as("red")
                            .isNotEqualTo(save.getCssValue("background-color"));
                    LoginBrowserIT.screenshot(browser, "feed-settings-" + size.getWidth() + ".png");
                }
            } finally {
                browser.quit();
            }
        }
    }
}
