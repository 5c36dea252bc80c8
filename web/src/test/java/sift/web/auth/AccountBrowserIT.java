package sift.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sift.web.TestApp;

/**
 * Issue 20 in a browser: a reader subscribes a view through a secret address made for one app (no page carries a
 * secret), and an admin takes an account back on Admin &gt; Accounts; on a desktop and on a phone.
 */
class AccountBrowserIT {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @Test
    void aReaderMakesAFeedAddressAndAnAdminDisablesAnAccount() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        try (TestApp app = TestApp.startPrivate(dir.resolve("data"), PASSWORD)) {
            Accounts.add(app.server.db().users(), "ben", "ben's long password", false, Instant.now());
            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            try {
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/%3Ftopic%3Drouting", "River · Sift");
                assertThat(browser.getPageSource()).as("no secret in a page").doesNotContain("token=");
                browser.findElement(By.cssSelector("a.subscribe")).click();
                wait.until(ExpectedConditions.titleIs("Your account · Sift"));
                browser.findElement(By.id("feed-name")).sendKeys("NetNewsWire");
                browser.findElement(By.cssSelector("form.new-feed button")).click();
                String address = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-feed")))
                        .getText();
                assertThat(address)
                        .matches(
                                "http://127\\.0\\.0\\.1:\\d+/feeds/posts\\.atom\\?topic=routing&token=sift_[A-Za-z0-9_-]{43}");
                LoginBrowserIT.screenshot(browser, "account-feed-address.png");
                browser.manage().window().setSize(new Dimension(390, 844));
                LoginBrowserIT.screenshot(browser, "account-feed-address-phone.png");
                browser.manage().window().setSize(new Dimension(1200, 900));

                browser.get(app.url("/admin/users"));
                wait.until(ExpectedConditions.titleIs("Accounts · Admin · Sift"));
                long ben = app.server.db().users().find("ben").orElseThrow().id();
                browser.findElement(By.cssSelector("#user-" + ben + " form[action$='/disable'] button"))
                        .click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=status]"), "'ben' is disabled"));
                assertThat(browser.findElement(By.cssSelector("#user-" + ben)).getText())
                        .contains("disabled");
                LoginBrowserIT.screenshot(browser, "admin-accounts.png");
                browser.manage().window().setSize(new Dimension(390, 844));
                LoginBrowserIT.screenshot(browser, "admin-accounts-phone.png");
                assertThat(app.server.db().users().find("ben").orElseThrow().disabled())
                        .isTrue();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aReaderMakesAnAppPasswordThatAnAppSignsInWithUntilItIsRevoked() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        try (TestApp app = TestApp.startPrivate(dir.resolve("data"), PASSWORD)) {
            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            try {
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/account", "Your account · Sift");
                browser.findElement(By.id("app-name")).sendKeys("Reeder on my phone");
                browser.findElement(By.cssSelector("form.new-app button")).click();
                String password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-app-password")))
                        .getText();
                assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){5}");
                assertThat(browser.findElement(By.cssSelector("dl.app-settings"))
                                .getText())
                        .contains(app.url("/api/greader"), app.url("/fever/"), "admin");
                LoginBrowserIT.screenshot(browser, "account-app-password.png");
                browser.manage().window().setSize(new Dimension(390, 844));
                LoginBrowserIT.screenshot(browser, "account-app-password-phone.png");
                assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                                        .executeScript("return document.documentElement.scrollWidth"))
                                .intValue())
                        .as("nothing wider than the phone")
                        .isLessThanOrEqualTo(390);
                browser.manage().window().setSize(new Dimension(1200, 900));
                assertThat(clientLogin(app, password)).isEqualTo(200);

                browser.get(app.url("/account"));
                browser.findElement(By.cssSelector("table.app-passwords button.revoke"))
                        .click();
                wait.until(ExpectedConditions.titleIs("Your account · Sift"));
                assertThat(browser.findElements(By.cssSelector("table.app-passwords")))
                        .isEmpty();
                assertThat(clientLogin(app, password)).as("revoked").isEqualTo(401);
            } finally {
                browser.quit();
            }
        }
    }

    /** An app signs in through the Google Reader API's ClientLogin; its status. */
    private static int clientLogin(TestApp app, String password) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(app.url("/api/greader/accounts/ClientLogin")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "Email=admin&Passwd=" + password))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
