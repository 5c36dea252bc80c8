package sift.ingest.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchRequest;
import sift.ingest.fetch.FetchResult;
import sift.store.post.PostFacts;

/**
 * An episode's chapters, read from the file its feed links with {@code podcast:chapters} (Podcasting 2.0 JSON
 * chapters: {@code {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}, ...]}}). Chapters marked
 * {@code "toc": false} and those without a title are left out; at most {@link #MAX_CHAPTERS}, in time order. A file
 * that cannot be fetched or read gives no chapters and a log line that names it: the episode is stored anyway.
 */
final class ChapterReader {
    static final int MAX_CHAPTERS = 100;
    private static final int TITLE_CHARS = 200;
    private static final Logger log = LoggerFactory.getLogger(ChapterReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedFetcher fetcher;

    ChapterReader(FeedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The chapters of the file at {@code url}, or none. */
    List<PostFacts.Chapter> read(String feedUrl, String url) {
        try {
            FetchResult result = fetcher.fetch(FetchRequest.chapters(URI.create(url)));
            if (!(result instanceof FetchResult.Modified file)) {
                String why = result instanceof FetchResult.Failed failed ? failed.reason() : "no file";
                log.info("Feed {}: no chapters from {}: {}", feedUrl, url, why);
                return List.of();
            }
            return parse(file.body());
        } catch (IOException | IllegalArgumentException e) {
            log.info("Feed {}: chapters at {} are not Podcasting 2.0 JSON chapters: {}", feedUrl, url, e.getMessage());
            return List.of();
        }
    }

    static List<PostFacts.Chapter> parse(byte[] json) throws IOException {
        JsonNode chapters = JSON.readTree(json).path("chapters");
        if (!chapters.isArray()) {
            throw new IOException("no \"chapters\" array");
        }
        List<PostFacts.Chapter> read = new ArrayList<>();
        for (JsonNode c : chapters) {
            String title = c.path("title").asText("").strip();
            double start = c.path("startTime").asDouble(-1);
            if (title.isEmpty()
                    || start < 0
                    || start > Integer.MAX_VALUE
                    || !c.path("toc").asBoolean(true)) {
                continue;
            }
            read.add(new PostFacts.Chapter(
                    (int) start, title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS) + "…" : title));
        }
        read.sort(Comparator.comparingInt(PostFacts.Chapter::startSeconds));
        return read.size() > MAX_CHAPTERS ? List.copyOf(read.subList(0, MAX_CHAPTERS)) : read;
    }
}
