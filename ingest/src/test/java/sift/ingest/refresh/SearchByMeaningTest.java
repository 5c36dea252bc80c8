package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.nlp.Analyzer;
import sift.nlp.embed.Encoder;
import sift.store.Database;
import sift.store.TestDatabase;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchResult;

/**
 * The vector at work in search and "more like this", on labels written by another hand for the posts of the story
 * set: 88 queries (`search.jsonl`, each with the stories that answer it and those that partly do: known items named by
 * their words, the same needs in other words, broad subjects) and the stories related to each (`related.jsonl`).
 * Judged by nDCG.
 */
class SearchByMeaningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    static Path dir;

    private static Database db;
    private static SearchIndex index;
    private static final Map<Long, String> storyOf = new HashMap<>();

    @BeforeAll
    static void storeTheStories() throws IOException {
        Analyzer analyzer = new Analyzer();
        db = Database.open(TestDatabase.settings(dir));
        Map<String, Long> feeds = new HashMap<>();
        for (JsonNode n : StoryLinkingTest.corpus("/stories/stories.jsonl")) {
            if (n.get("id").asText().startsWith("s")) { // the queries and related stories were judged on the first 260
                storyOf.put(
                        StoryLinkingTest.store(db, feeds, analyzer, n),
                        n.get("story").asText());
            }
        }
        index = SearchIndex.open(dir.resolve("index"), db.postChanges(), Clock.fixed(NOW, ZoneOffset.UTC));
        index.catchUp();
        index.linkStories();
    }

    @AfterAll
    static void close() {
        index.close();
        db.close();
    }

    @Test
    void meaningFindsWhatWordsMissAndKeepsWhatTheyFind() throws IOException {
        Map<String, double[]> byStyle = new TreeMap<>(); // style: nDCG words, nDCG with meaning, queries
        for (JsonNode q : StoryLinkingTest.corpus("/stories/search.jsonl")) {
            String query = q.get("query").asText();
            Map<String, Integer> gains = new HashMap<>();
            q.get("partly").forEach(s -> gains.put(s.asText(), 1));
            q.get("relevant").forEach(s -> gains.put(s.asText(), 2));
            SearchResult words = index.search(new SearchRequest(query, 10, 0, SearchRequest.Order.RELEVANCE));
            SearchResult meaning = index.search(new SearchRequest(
                    query,
                    10,
                    0,
                    SearchRequest.Order.RELEVANCE,
                    null,
                    Encoder.shared().encode(query, "")));
            for (String style : List.of(q.get("style").asText(), "all")) {
                double[] m = byStyle.computeIfAbsent(style, k -> new double[3]);
                m[0] += ndcg(ids(words), 10, gains);
                m[1] += ndcg(ids(meaning), 10, gains);
                m[2]++;
            }
        }
        byStyle.forEach((style, m) -> System.out.printf(
                "%-10s %2d queries: nDCG@10 words %.3f, with meaning %.3f%n",
                style, (int) m[2], m[0] / m[2], m[1] / m[2]));
        double[] all = byStyle.get("all");
        double[] known = byStyle.get("known-item");
        assertThat(all[1] / all[2]).as("nDCG with meaning").isGreaterThanOrEqualTo(0.70);
        assertThat(all[1] / all[2] - all[0] / all[2])
                .as("gain over words alone")
                .isGreaterThanOrEqualTo(0.3);
        assertThat(known[1] / known[2])
                .as("known items, with meaning")
                .isGreaterThanOrEqualTo(known[0] / known[2] - 0.02);
    }

    /**
     * "More like this" on `related.jsonl`: for each story, the other stories a reader of it would want next (another
     * leak, another release of the product, another outage of the provider), judged both ways. Words alone
     * (MoreLikeThis) gave nDCG@5 0.53 on this set, the vector alone 0.67 (docs/NLP.md).
     */
    @Test
    void moreLikeThisFindsTheRelatedStories() throws IOException {
        Map<String, Set<String>> related = new HashMap<>();
        for (JsonNode n : StoryLinkingTest.corpus("/stories/related.jsonl")) {
            String story = n.get("story").asText();
            n.get("related").forEach(r -> {
                related.computeIfAbsent(story, k -> new HashSet<>()).add(r.asText());
                related.computeIfAbsent(r.asText(), k -> new HashSet<>()).add(story);
            });
        }
        double sum = 0;
        int judged = 0;
        for (Map.Entry<Long, String> post : storyOf.entrySet()) {
            Set<String> wanted = related.getOrDefault(post.getValue(), Set.of());
            if (wanted.isEmpty()) {
                continue;
            }
            List<Long> like = index.moreLikeThis(post.getKey(), 5);
            assertThat(like).as("never the post itself").doesNotContain(post.getKey());
            Map<String, Integer> gains = new HashMap<>();
            wanted.forEach(s -> gains.put(s, 1));
            sum += ndcg(like, 5, gains);
            judged++;
        }
        System.out.printf("more like this: nDCG@5 %.3f over %d posts%n", sum / judged, judged);
        assertThat(sum / judged).as("nDCG@5 of more like this").isGreaterThanOrEqualTo(0.65);
        assertThat(index.moreLikeThis(424_242, 5)).as("no such post").isEmpty();
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    /** Normalised discounted gain of the first {@code depth} posts; the ideal ranks every judged post first. */
    private static double ndcg(List<Long> ranked, int depth, Map<String, Integer> gains) {
        double dcg = 0;
        for (int i = 0; i < Math.min(depth, ranked.size()); i++) {
            dcg += (Math.pow(2, gains.getOrDefault(storyOf.get(ranked.get(i)), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>();
        storyOf.values().forEach(story -> ideal.add(gains.getOrDefault(story, 0)));
        ideal.sort((a, b) -> b - a);
        double best = 0;
        for (int i = 0; i < depth; i++) {
            best += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return dcg / best;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
