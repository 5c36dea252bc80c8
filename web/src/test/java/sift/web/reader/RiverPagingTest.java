package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.web.TestApp;

/**
 * The river's pages and a show's episodes, by API and by HTML, list every post once however many share one time:
 * a feed of undated items is stored in one go and so at one instant (issue 20).
 */
class RiverPagingTest {
    private static final String FEED = "https://undated.example/feed";
    private static final Instant SHARED = Instant.parse("2026-11-26T12:00:00.123456Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestApp app;
    List<Long> posts;
    List<Long> episodes;

    @BeforeEach
    void start() {
        app = TestApp.start(dir, List.of(FEED), false);
        var db = app.server.db();
        long feed = db.feeds().all().get(0).id();
        List<PostDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // every fourth post an episode of one show
            PostFacts facts = i % 4 == 0
                    ? new PostFacts(
                            "podcast",
                            List.of(),
                            0,
                            "neutral",
                            List.of(),
                            null,
                            new PostFacts.Episode("Undated", null, i, null))
                    : PostFacts.ofKind("article");
            drafts.add(new PostDraft(
                    feed,
                    "g" + i,
                    null,
                    "Post " + i,
                    null,
                    null,
                    null,
                    null,
                    "<p>" + i + "</p>",
                    String.valueOf(i),
                    facts,
                    List.of()));
        }
        db.posts().insertBatch(drafts, SHARED);
        posts = db.postQueries().river(1001, null).stream().map(p -> p.id()).toList();
        episodes = db.podcasts().episodes("Undated", null, 1001, null).stream()
                .map(e -> e.postId())
                .toList();
        assertThat(posts).hasSize(1000);
        assertThat(episodes).hasSize(250);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Document html(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), app.url(path));
    }

    @Test
    void issue20_theApisNextCursorWalksAThousandPostsOfOneInstantEachOnce() throws Exception {
        List<Long> seen = new ArrayList<>();
        String path = "/api/posts";
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages").isLessThan(100);
            JsonNode page = json(path);
            page.get("posts").forEach(p -> seen.add(p.get("id").asLong()));
            path = page.get("next").isNull()
                    ? null
                    : "/api/posts?after=" + URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8);
        }
        assertThat(seen).containsExactlyElementsOf(posts);

        List<Long> seenEpisodes = new ArrayList<>();
        path = "/api/podcasts/episodes?name=Undated";
        while (path != null) {
            JsonNode page = json(path);
            page.get("episodes").forEach(e -> seenEpisodes.add(e.get("id").asLong()));
            path = page.get("next").isNull()
                    ? null
                    : "/api/podcasts/episodes?name=Undated&after="
                            + page.get("next").asText();
        }
        assertThat(seenEpisodes).containsExactlyElementsOf(episodes);
    }

    @Test
    void issue20_theRiversOlderPostsLinksWalkAThousandPostsOfOneInstantEachOnce() {
        assertThat(walk("/")).containsExactlyElementsOf(posts);
        assertThat(walk("/podcasts/show?name=Undated")).containsExactlyElementsOf(episodes);
    }

    /** The ids of the posts listed on every page, following each page's link to the older ones. */
    private List<Long> walk(String first) {
        List<Long> seen = new ArrayList<>();
        String path = first;
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages").isLessThan(100);
            Document page = html(path);
            page.select("main article[data-id]").forEach(post -> seen.add(Long.parseLong(post.attr("data-id"))));
            Element next = page.selectFirst("a[rel=next]");
            path = next == null ? null : next.attr("href");
        }
        return seen;
    }
}
