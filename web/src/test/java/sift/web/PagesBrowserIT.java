package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import sift.store.post.PostSummary;
import sift.web.auth.LoginBrowserIT;

/**
 * The pages a reviewer looks at, on the demo, in headless Chromium at 1366 px and at a phone's 390 px: each fits
 * its screen, and says what it must. Screenshots of every page at both sizes go to target/screenshots/pages/;
 * {@code bench/screenshots.sh} runs this test alone to make them.
 */
class PagesBrowserIT {
    private static final String PASSWORD = "a long admin password";
    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromiumAndItsDriver() {
        LoginBrowserIT.needsChromiumAndItsDriver();
    }

    @Test
    void everyPageFitsDesktopAndPhoneAndSaysWhatItMust() throws Exception {
        try (TestApp app = TestApp.startDemo(dir.resolve("data"), PASSWORD)) {
            app.awaitPosts(65);
            List<PostSummary> river = app.server.db().postQueries().river(100, null);
            long hype = river.stream()
                    .filter(p -> p.title().startsWith("Introducing NetPilot AI"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            long episode = river.stream()
                    .filter(p -> p.title().startsWith("CPH112"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("river", "/");
            pages.put("hype-post", "/posts/" + hype);
            pages.put(
                    "skeptical-post",
                    "/posts/"
                            + river.stream()
                                    .filter(p -> p.title().equals("AI Will Not Fix Your Change Management"))
                                    .findFirst()
                                    .orElseThrow()
                                    .id());
            pages.put("release-timeline", "/releases/product?name=labforge");
            pages.put("search", "/search?q=bgp");
            pages.put("search-said", "/search?q=hijack+drill");
            pages.put("podcast-show", "/podcasts/show?name=Control+Plane+Hours");
            pages.put("episode", "/posts/" + episode);
            pages.put("digest", "/digest");
            pages.put("admin-feeds", "/admin/feeds");
            pages.put("admin-lexicon", "/admin/classifiers/lexicon");
            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            try {
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/", "River · Sift");
                for (Dimension size : SIZES) {
                    browser.manage().window().setSize(size);
                    for (Map.Entry<String, String> page : pages.entrySet()) {
                        browser.get(app.url(page.getValue()));
                        String where = page.getKey() + " at " + size.getWidth() + " px";
                        assertThat(js(browser, "return document.documentElement.scrollWidth"))
                                .as(where + ": nothing wider than the screen")
                                .isLessThanOrEqualTo(js(browser, "return document.documentElement.clientWidth"));
                        assertThat(browser.findElement(By.cssSelector("header.top"))
                                        .getRect()
                                        .getHeight())
                                .as(where + ": the header is one row")
                                .isLessThan(70);
                        LoginBrowserIT.screenshot(browser, "pages/" + page.getKey() + "-" + size.getWidth() + ".png");
                    }
                }
                checkPages(browser, app, hype, episode);
            } finally {
                browser.quit();
            }
        }
    }

    /** What each page must say, at desktop size, and the phone's menu. */
    private static void checkPages(WebDriver browser, TestApp app, long hype, long episode) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().window().setSize(SIZES.get(0));

        browser.get(app.url("/posts/" + hype));
        assertThat(browser.findElements(By.cssSelector(".flagged li .why")).stream()
                        .map(WebElement::getText))
                .as("reasons in plain words, not the lexicon's list names")
                .isNotEmpty()
                .noneMatch(why -> why.matches("(?s).*\\b[a-z-]+: '.*"))
                .anyMatch(why -> why.contains("an absolute"));
        assertThat(browser.findElement(By.cssSelector("h1 mark.claim")).isDisplayed())
                .isTrue();
        WebElement claim =
                browser.findElements(By.cssSelector(".content mark.claim")).get(0);
        new Actions(browser).moveToElement(claim).perform();
        long column = js(browser, "return document.querySelector('article.post').clientWidth");
        String left = (String) ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(arguments[0], '::after').left", claim);
        assertThat(Double.parseDouble(left.replace("px", "")))
                .as("a claim's reasons beside the column of text, not over it")
                .isGreaterThan(column);
        LoginBrowserIT.screenshot(browser, "pages/claim-reasons-1366.png");
        browser.manage().window().setSize(SIZES.get(1));
        claim = browser.findElements(By.cssSelector(".content mark.claim")).get(0);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", claim);
        LoginBrowserIT.screenshot(browser, "pages/claim-reasons-390.png");
        browser.manage().window().setSize(SIZES.get(0));

        // chapters read as a list; a chapter's time plays the episode from there (the demo's audio is 10 s long)
        browser.get(app.url("/posts/" + episode));
        List<WebElement> chapters = browser.findElements(By.cssSelector(".chapters li"));
        assertThat(chapters).hasSize(6);
        assertThat(chapters.get(1).getText().replace('\n', ' '))
                .isEqualTo("1:35 What a route server filters, and what it must not");
        chapters.get(1).findElement(By.cssSelector("button.seek")).click();
        wait.until(b -> ((Number) ((JavascriptExecutor) b)
                                .executeScript("return document.querySelector('audio.player').currentTime"))
                        .doubleValue()
                > 0);

        browser.get(app.url("/releases/product?name=labforge"));
        WebElement newest = browser.findElement(By.cssSelector(".timeline > li"));
        assertThat(newest.findElements(By.cssSelector(".notes-heading")).stream()
                        .map(WebElement::getText))
                .containsExactly("Breaking changes", "New features", "Bug fixes");
        assertThat(newest.findElement(By.cssSelector(".breaking-note")).getText())
                .startsWith("breaking");

        browser.get(app.url("/search?q=bgp"));
        WebElement hit = browser.findElement(By.cssSelector(".results article.entry"));
        assertThat(hit.findElements(By.cssSelector(".meta .chip")))
                .as("a result's topics")
                .isNotEmpty();
        browser.get(app.url("/search?q=netpilot+autonomous"));
        hit = browser.findElement(By.cssSelector(".results article.entry"));
        assertThat(hit.findElement(By.cssSelector(".meta .stance-hype")).getText())
                .startsWith("hype ");
        browser.get(app.url("/search?q=labforge+unnumbered"));
        hit = browser.findElement(By.cssSelector(".results article.entry"));
        assertThat(hit.findElement(By.cssSelector(".meta .kind")).getText()).isEqualTo("release");

        browser.get(app.url("/podcasts/show?name=Control+Plane+Hours"));
        assertThat(js(browser, "return document.querySelector('.show-head img.artwork').naturalWidth"))
                .as("the show's artwork is shown")
                .isPositive();

        browser.get(app.url("/digest"));
        List<String> hypePosts = browser.findElements(By.cssSelector(".hype-post > a.title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(hypePosts)
                .as("the hype watch names each post once")
                .isNotEmpty()
                .doesNotHaveDuplicates();
        assertThat(browser.findElements(By.cssSelector(".hype-post")))
                .allSatisfy(post -> assertThat(post.findElements(By.cssSelector("li.claim")))
                        .hasSizeBetween(1, 2));

        browser.get(app.url("/admin/feeds"));
        WebElement table = browser.findElement(By.cssSelector(".feed-health"));
        long viewport = js(browser, "return document.documentElement.clientWidth");
        assertThat(table.getRect().getX() + table.getRect().getWidth())
                .as("the feed-health table within the screen")
                .isLessThanOrEqualTo((int) viewport);

        // the filter bar: a choice applies at once, and the filters left at "any" stay out of the address
        browser.get(app.url("/"));
        new Select(browser.findElement(By.cssSelector("form.filters select[name=kind]"))).selectByValue("release");
        wait.until(ExpectedConditions.urlToBe(app.url("/?kind=release")));
        assertThat(browser.findElements(By.cssSelector("article.entry"))).isNotEmpty();
        assertThat(new Select(browser.findElement(By.cssSelector("form.filters select[name=kind]")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("release");
        LoginBrowserIT.screenshot(browser, "pages/river-filtered-1366.png");

        // the phone's menu: closed, the pages and the account are out of the way; open, they are there
        browser.manage().window().setSize(SIZES.get(1));
        browser.get(app.url("/"));
        By podcasts = By.cssSelector("#main-nav a[href='/podcasts']");
        assertThat(browser.findElement(podcasts).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label.menu-label")).click();
        assertThat(browser.findElement(podcasts).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("header .account button")).isDisplayed())
                .isTrue();
        LoginBrowserIT.screenshot(browser, "pages/menu-open-390.png");
        browser.findElement(podcasts).click();
        wait.until(ExpectedConditions.titleIs("Podcasts · Sift"));
    }

    private static long js(WebDriver browser, String script) {
        return (Long) ((JavascriptExecutor) browser).executeScript(script);
    }
}
