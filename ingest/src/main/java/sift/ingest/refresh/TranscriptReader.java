package sift.ingest.refresh;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchRequest;
import sift.ingest.fetch.FetchResult;
import sift.ingest.parse.ParsedPodcast;
import sift.ingest.parse.ParsedTranscript;
import sift.ingest.parse.TranscriptParser;
import sift.store.post.PostFacts;

/**
 * An episode's transcript, read from a file its feed links with {@code podcast:transcript} through the guarded
 * fetcher (its address guard, size cap, timeouts and pace per host), into cues ({@link TranscriptParser}). Of
 * several files, the one that says most about when things were said. A file that cannot be fetched or read gives a
 * transcript with its problem and no cues, and a log line that names the feed and the file: the episode is stored
 * anyway.
 */
final class TranscriptReader {
    private static final Logger log = LoggerFactory.getLogger(TranscriptReader.class);
    /** Timed formats first (WebVTT, SRT, JSON), then HTML (times where it gives them), then plain text. */
    private static final List<String> TIMED_FIRST = List.of(
            "text/vtt", "application/x-subrip", "application/srt", "application/json", "text/html", "text/plain");

    private final FeedFetcher fetcher;

    TranscriptReader(FeedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The file to read of those an episode links at web addresses, or null when it links none. */
    static ParsedPodcast.Transcript timedFirst(List<ParsedPodcast.Transcript> transcripts) {
        return transcripts.stream()
                .filter(t -> Refresher.webAddress(t.url()) != null)
                .min(Comparator.comparingInt(t -> {
                    int at =
                            TIMED_FIRST.indexOf(t.type() == null ? "" : t.type().toLowerCase(Locale.ROOT));
                    return at < 0 ? TIMED_FIRST.size() : at;
                }))
                .orElse(null);
    }

    /**
     * The transcript in {@code file}, or its problem. When the episode's post is stored with the same file read
     * ({@code stored}), the file is asked for conditionally and, unchanged, its stored cues are kept.
     */
    PostFacts.Transcript read(String feedUrl, ParsedPodcast.Transcript file, PostFacts.Transcript stored) {
        String url = file.url().strip();
        boolean same =
                stored != null && stored.url().equals(url) && !stored.cues().isEmpty();
        FetchResult result = fetcher.fetch(FetchRequest.transcript(
                URI.create(url), same ? stored.etag() : null, same ? stored.lastModified() : null));
        if (same && result instanceof FetchResult.NotModified) {
            return stored;
        }
        if (!(result instanceof FetchResult.Modified fetched)) {
            String why = result instanceof FetchResult.Failed failed ? failed.reason() : "no file";
            log.info("Feed {}: no transcript from {}: {}", feedUrl, url, why);
            return new PostFacts.Transcript(url, "cannot fetch it: " + why, List.of());
        }
        try {
            ParsedTranscript read = TranscriptParser.parse(fetched.body(), file.type());
            if (read.remark() != null) {
                log.info("Feed {}: transcript {} read in part: {}", feedUrl, url, read.remark());
            }
            return new PostFacts.Transcript(
                    url,
                    read.remark(),
                    read.cues().stream()
                            .map(c -> new PostFacts.Cue(c.startMillis(), c.speaker(), c.text()))
                            .toList(),
                    fetched.etag(),
                    fetched.lastModified());
        } catch (IOException e) {
            log.info("Feed {}: transcript {} not read: {}", feedUrl, url, e.getMessage());
            return new PostFacts.Transcript(url, e.getMessage(), List.of());
        }
    }
}
