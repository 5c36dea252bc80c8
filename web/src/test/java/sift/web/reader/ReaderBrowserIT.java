package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sift.web.TestApp;
import sift.web.auth.LoginBrowserIT;

/**
 * A reader's day in real headless Chromium over the demo feeds: log in, read, filter, search, star, play an episode
 * and resume it, open a release timeline and watch the product, and the keyboard shortcuts. Screenshots go to
 * target/screenshots/.
 */
class ReaderBrowserIT {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    TestApp app;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void needsChromiumAndItsDriver() {
        LoginBrowserIT.needsChromiumAndItsDriver();
    }

    @BeforeEach
    void start() throws Exception {
        app = TestApp.startDemo(dir.resolve("data"), PASSWORD);
        app.awaitPosts(65);
        browser = LoginBrowserIT.chromium(dir.resolve("profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/", "River · Sift");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .filter(e -> !e.getMessage().contains("favicon.ico"))
                    .toList();
            browser.quit();
            assertThat(errors).as("errors in the browser console").isEmpty();
        }
        app.close();
    }

    private long adminId() {
        return app.server.db().users().find("admin").orElseThrow().id();
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("article.entry h2 a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void readsFiltersSearchesAndStars() throws Exception {
        assertThat(titles()).hasSize(50);
        LoginBrowserIT.screenshot(browser, "reader-river.png");

        // star the first post in place: the page does not reload
        WebElement first = browser.findElement(By.cssSelector("article.entry"));
        String title = first.findElement(By.cssSelector("h2 a")).getText();
        String river = browser.getCurrentUrl();
        first.findElement(By.cssSelector("button.star")).click();
        wait.until(ExpectedConditions.attributeToBe(
                first.findElement(By.cssSelector("button.star")), "aria-pressed", "true"));
        assertThat(browser.getCurrentUrl()).isEqualTo(river);
        browser.findElement(By.linkText("Starred")).click();
        wait.until(ExpectedConditions.urlContains("show=starred"));
        assertThat(titles()).containsExactly(title);

        // read: opening a post reads it; the unread view leaves it out
        browser.findElement(By.linkText("Unread")).click();
        wait.until(ExpectedConditions.urlContains("show=unread"));
        browser.findElement(By.cssSelector("article.entry h2 a")).click();
        wait.until(ExpectedConditions.urlContains("/posts/"));
        assertThat(browser.findElement(By.cssSelector("article.post button.read"))
                        .getText())
                .isEqualTo("Mark unread");
        browser.navigate().back();
        browser.navigate().refresh();
        assertThat(titles()).doesNotContain(title).hasSize(50);

        // filter by a topic chip
        WebElement chip = browser.findElement(By.cssSelector("article.entry .topics a.chip"));
        String topic = chip.getText();
        chip.click();
        wait.until(ExpectedConditions.urlContains("topic=" + topic));
        assertThat(browser.findElement(By.cssSelector("p.filter")).getText()).contains("topic " + topic);
        assertThat(browser.findElements(By.cssSelector("article.entry")))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.findElements(By.cssSelector(".topics a.chip")).stream()
                                .map(WebElement::getText))
                        .contains(topic));
        LoginBrowserIT.screenshot(browser, "reader-filtered.png");

        // search from the box on every page
        WebElement box = browser.findElement(By.id("top-q"));
        box.sendKeys("peering", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/search?q=peering"));
        assertThat(browser.findElements(By.cssSelector(".results mark")))
                .isNotEmpty()
                .allSatisfy(mark -> assertThat(mark.getText().toLowerCase()).startsWith("peer"));
        LoginBrowserIT.screenshot(browser, "reader-search.png");
    }

    @Test
    void playsAnEpisodeAndResumesWhereTheReaderStopped() throws Exception {
        browser.findElement(By.linkText("Podcasts")).click();
        browser.findElement(By.cssSelector(".shows a")).click();
        wait.until(ExpectedConditions.urlContains("/podcasts/show"));
        browser.findElement(By.partialLinkText("CPH112")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("audio.player")));
        long post = Long.parseLong(
                browser.findElement(By.cssSelector("audio.player")).getAttribute("data-post"));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.querySelector('audio.player');
                a.muted = true;
                a.play().then(() => { a.currentTime = 6; a.addEventListener('seeked', () => { a.pause(); done(); }, {once: true}); },
                              (e) => done(String(e)));""");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (app.server.db().postStates().state(adminId(), post).playPositionSeconds() != 6
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.server.db().postStates().state(adminId(), post).playPositionSeconds())
                .as("the place is saved on the server")
                .isEqualTo(6);

        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".played-state")).getText())
                .isEqualTo("Stopped at 0:06");
        try {
            wait.until(d -> ((Number) js.executeScript("return document.querySelector('audio.player').currentTime"))
                            .doubleValue()
                    >= 5.9);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "the player did not resume at 6 s; readyState, duration, currentTime, seekable end, data-position, networkState, error: "
                            + js.executeScript(
                                    "const a = document.querySelector('audio.player'); return [a.readyState, a.duration, a.currentTime, a.seekable.length ? a.seekable.end(0) : -1, a.dataset.position, a.networkState, a.error && a.error.code].join(' ')"),
                    e);
        }
        LoginBrowserIT.screenshot(browser, "reader-episode-resumed.png");

        browser.findElement(By.cssSelector("form.played button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".played-state"), "Played"));
        assertThat(app.server.db().postStates().state(adminId(), post).played()).isTrue();
    }

    @Test
    void aClaimSaidInAnEpisodePlaysItFromTheTimeItWasSaid() throws Exception {
        long post = app.server.db().postQueries().river(100, null).stream()
                .filter(p -> p.title().startsWith("CPH112"))
                .findFirst()
                .orElseThrow()
                .id();
        browser.get(app.url("/posts/" + post));
        WebElement seek = browser.findElement(By.cssSelector("section.spoken li.said-hype button.seek"));
        assertThat(seek.getText()).isEqualTo("24:10");
        assertThat(browser.findElements(By.cssSelector("form.label-claim input[name=sentence]")).stream()
                        .map(e -> e.getAttribute("value")))
                .as("an admin labels a spoken claim for training as a written one")
                .anyMatch(sentence -> sentence.startsWith("Honestly, our new AI assistant"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.querySelector('audio.player').muted = true");
        seek.click();
        awaitPlayerAt(js, 1450);
        assertThat((Boolean) js.executeScript("return document.querySelector('audio.player').paused"))
                .as("clicking the time plays the episode")
                .isFalse();
        LoginBrowserIT.screenshot(browser, "episode-spoken-claim.png");

        // the link of the digest and of a search hit opens the page with the player at the claim
        browser.get(app.url("/posts/" + post + "?t=1450"));
        awaitPlayerAt(js, 1450);
    }

    /** Waits until the episode's player is at {@code seconds}, or fails saying where it is. */
    private void awaitPlayerAt(JavascriptExecutor js, int seconds) {
        try {
            wait.until(d ->
                    Math.abs(((Number) js.executeScript("return document.querySelector('audio.player').currentTime"))
                                            .doubleValue()
                                    - seconds)
                            < 3);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "the player is not at " + seconds + " s; readyState, duration, currentTime, seekable end, error: "
                            + js.executeScript(
                                    "const a = document.querySelector('audio.player'); return [a.readyState, a.duration, a.currentTime, a.seekable.length ? a.seekable.end(0) : -1, a.error && a.error.code].join(' ')"),
                    e);
        }
    }

    @Test
    void opensAReleaseTimelineAndWatchesTheProduct() throws Exception {
        browser.findElement(By.linkText("Releases")).click();
        wait.until(ExpectedConditions.titleIs("Releases · Sift"));
        browser.findElement(By.linkText("labforge")).click();
        wait.until(ExpectedConditions.titleIs("labforge releases · Sift"));
        assertThat(browser.findElements(By.cssSelector(".timeline > li"))).hasSizeGreaterThan(3);
        assertThat(browser.findElement(By.cssSelector(".timeline .breaking")).getText())
                .isEqualTo("breaking changes");
        browser.findElement(By.cssSelector("form.watch button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("form.watch button"), "Watching ✓"));
        LoginBrowserIT.screenshot(browser, "reader-release-timeline.png");

        browser.findElement(By.linkText("River")).click();
        wait.until(ExpectedConditions.titleIs("River · Sift"));
        assertThat(browser.findElements(By.cssSelector(".watched-releases h2 a")).stream()
                        .map(WebElement::getText))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).containsIgnoringCase("labforge"));

        // the river marks the posts scrolled past read, on the server
        List<WebElement> entries = browser.findElements(By.cssSelector("ol.river > li > article.entry"));
        long top = Long.parseLong(entries.get(entries.size() - 50).getAttribute("data-id"));
        long bottom = Long.parseLong(entries.get(entries.size() - 1).getAttribute("data-id"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!app.server.db().postStates().state(adminId(), top).read() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.server.db().postStates().state(adminId(), top).read()).isTrue();
        assertThat(app.server.db().postStates().state(adminId(), bottom).read())
                .as("still on screen")
                .isFalse();
    }

    @Test
    void theKeyboardMovesStarsReadsHelpsSearchesAndOpens() throws Exception {
        Actions keys = new Actions(browser);
        List<WebElement> entries = browser.findElements(By.cssSelector("article.entry"));
        keys.sendKeys("j").perform();
        wait.until(ExpectedConditions.attributeContains(entries.get(0), "class", "current"));
        keys.sendKeys("j").perform();
        wait.until(ExpectedConditions.attributeContains(entries.get(1), "class", "current"));
        assertThat(entries.get(0).getAttribute("class")).doesNotContain("current");

        keys.sendKeys("s").perform();
        wait.until(ExpectedConditions.attributeToBe(
                entries.get(1).findElement(By.cssSelector("button.star")), "aria-pressed", "true"));
        keys.sendKeys("m").perform();
        wait.until(ExpectedConditions.attributeContains(entries.get(1), "class", "read"));
        long second = Long.parseLong(entries.get(1).getAttribute("data-id"));
        var state = app.server.db().postStates().state(adminId(), second);
        assertThat(state.starred()).isTrue();
        assertThat(state.read()).isTrue();

        keys.sendKeys("?").perform();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("keys")), "open"));
        LoginBrowserIT.screenshot(browser, "reader-keyboard-help.png");
        keys.sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> d.findElement(By.id("keys")).getAttribute("open") == null);

        keys.sendKeys("k").perform();
        wait.until(ExpectedConditions.attributeContains(entries.get(0), "class", "current"));
        String title = entries.get(0).findElement(By.cssSelector("h2 a")).getText();
        keys.sendKeys("o").perform();
        wait.until(ExpectedConditions.urlContains("/posts/"));
        assertThat(browser.findElement(By.cssSelector("article.post h1")).getText())
                .isEqualTo(title);

        keys.sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("top-q");
    }
}
