package sift.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sift.web.Chromium;
import sift.web.TestApp;

/** Logging in and out of a private reader in real headless Chromium, driven by Selenium through chromedriver. */
public class LoginBrowserIT {
    private static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("SIFT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    TestApp app;
    WebDriver browser;

    @BeforeAll
    public static void needsChromiumAndItsDriver() {
        Chromium.assumeInstalled();
        if (!Files.isExecutable(DRIVER) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(DRIVER + " is missing: .ci/run must install chromium-driver");
        }
        assumeTrue(Files.isExecutable(DRIVER), DRIVER + " is not installed");
    }

    @BeforeEach
    void start() {
        app = TestApp.startPrivate(dir.resolve("data"), PASSWORD);
        browser = chromium(dir.resolve("profile"));
    }

    /** Headless Chromium under Selenium, through Debian's chromedriver (never a download), with its console log. */
    public static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("SIFT_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1200,900",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    @Test
    void aReaderIsSentToTheLoginLogsInComesBackAndLogsOut() throws Exception {
        browser.get(app.url("/search?q=bgp"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.titleIs("Log in · Sift"));

        browser.findElement(By.id("login-name")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys("not the password");
        browser.findElement(By.cssSelector("form.login button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .startsWith("Wrong name or password.");
        screenshot("login-failed.png");

        browser.findElement(By.id("login-name")).clear();
        browser.findElement(By.id("login-name")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login button")).click();
        wait.until(ExpectedConditions.urlContains("/search?q=bgp"));
        assertThat(browser.findElement(By.cssSelector(".account .who")).getText())
                .isEqualTo("admin");
        assertThat(browser.manage().getCookieNamed("sift_session").isHttpOnly()).isTrue();
        screenshot("signed-in.png");

        browser.findElement(By.cssSelector("form.account button")).click();
        wait.until(ExpectedConditions.titleIs("Log in · Sift"));
        browser.get(app.url("/"));
        wait.until(ExpectedConditions.titleIs("Log in · Sift"));
    }

    private void screenshot(String name) throws Exception {
        screenshot(browser, name);
    }

    /** Signs the admin in from the login page that leads to {@code next}, and waits for the page titled {@code title}. */
    public static void signInAsAdmin(WebDriver browser, TestApp app, String password, String next, String title) {
        browser.get(app.url("/login?next=" + next));
        browser.findElement(By.id("login-name")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title));
    }

    /** Saves what the browser shows under target/screenshots/. */
    public static void screenshot(WebDriver browser, String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(5_000);
    }
}
