package sift.ingest.refresh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.clean.CleanEntry;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchRequest;
import sift.ingest.fetch.FetchResult;
import sift.ingest.fulltext.FullText;
import sift.ingest.fulltext.Teasers;
import sift.ingest.parse.FeedParseException;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedFeed;
import sift.ingest.parse.ParsedPodcast;
import sift.nlp.Analysis;
import sift.nlp.Analyzer;
import sift.nlp.hype.Hype;
import sift.nlp.text.Document;
import sift.store.feed.Feed;
import sift.store.feed.FeedStore;
import sift.store.feed.FetchStatus;
import sift.store.feed.FetchSuccess;
import sift.store.post.Enclosure;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.post.PostStore;
import sift.store.post.Upsert;
import sift.store.release.ReleaseNote;

/**
 * The one path of a feed into the store: fetch, parse, clean, fetch the full text of new teasers (when the
 * feed's switch allows), analyze, upsert the new and changed posts in one transaction, then record how it went on the
 * feed.
 * A failure is recorded on that feed and never thrown.
 */
public final class Refresher {
    private static final Logger log = LoggerFactory.getLogger(Refresher.class);
    /** At most this many chapters files a refresh of one feed; older episodes of a long backlog keep none. */
    static final int MAX_CHAPTER_FILES = 10;
    /** At most this many transcripts a refresh of one feed; older episodes of a long backlog keep none. */
    static final int MAX_TRANSCRIPT_FILES = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FeedStore feeds;
    private final PostStore posts;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final HtmlCleaner cleaner;
    private final Supplier<Analyzer> analyzer;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final FullText fullText;
    private final ChapterReader chapterReader;
    private final TranscriptReader transcriptReader;
    private final IngestMetrics metrics;
    private final Executor analysisPool;
    private volatile boolean stopping;
    private volatile boolean analyze = true;

    public Refresher(
            FeedStore feeds,
            PostStore posts,
            FeedFetcher fetcher,
            FeedParser parser,
            HtmlCleaner cleaner,
            Analyzer analyzer,
            RefreshPolicy policy,
            Clock clock,
            IngestMetrics metrics) {
        this(feeds, posts, fetcher, parser, cleaner, () -> analyzer, policy, clock, metrics, Runnable::run);
    }

    /**
     * With the analyzer of the moment (an admin may change it, a new hype threshold, while feeds are read), posts
     * analyzed on {@code analysisPool}.
     */
    public Refresher(
            FeedStore feeds,
            PostStore posts,
            FeedFetcher fetcher,
            FeedParser parser,
            HtmlCleaner cleaner,
            Supplier<Analyzer> analyzer,
            RefreshPolicy policy,
            Clock clock,
            IngestMetrics metrics,
            Executor analysisPool) {
        this.feeds = feeds;
        this.posts = posts;
        this.fetcher = fetcher;
        this.parser = parser;
        this.cleaner = cleaner;
        this.analyzer = analyzer;
        this.policy = policy;
        this.clock = clock;
        this.fullText = new FullText(fetcher, cleaner);
        this.chapterReader = new ChapterReader(fetcher);
        this.transcriptReader = new TranscriptReader(fetcher);
        this.metrics = metrics;
        this.analysisPool = analysisPool;
    }

    /**
     * Asks refreshes in progress to stop at the next post: the post being written finishes, nothing more
     * is fetched or stored, and the feed stays due so the next start picks it up again.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * For benchmarks of the rest of the path: from now on new posts are stored without analysis (kind article, no
     * topics, no claims).
     */
    public void skipAnalysis() {
        analyze = false;
    }

    public RefreshReport refresh(Feed feed) {
        long started = System.nanoTime();
        RefreshReport report = refreshOnce(feed, started, new Meter());
        metrics.refreshed(report, since(started));
        return report;
    }

    private RefreshReport refreshOnce(Feed feed, long started, Meter meter) {
        if (stopping) {
            return stopped(feed, 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        URI uri;
        try {
            uri = URI.create(feed.url());
        } catch (IllegalArgumentException e) {
            return fail(feed, now, started, "not a valid URL: " + e.getMessage(), null);
        }
        boolean full = policy.fullFetchDue(now, feed.fullFetchAt());
        FetchResult result = fetcher.fetch(
                full ? new FetchRequest(uri, null, null) : new FetchRequest(uri, feed.etag(), feed.lastModified()));
        meter.charge(Stage.FETCH);
        if (stopping) {
            return stopped(feed, 0, 0, 0, 0);
        }
        if (result instanceof FetchResult.Modified modified) {
            follow(feed, modified.movedTo());
            return store(feed, modified, now, started, full, meter);
        }
        if (result instanceof FetchResult.Failed failed) {
            return fail(feed, now, started, failed.reason(), failed.retryAfter());
        }
        if (result instanceof FetchResult.Gone gone) {
            String reason = gone.reason() + "; polling stopped (enable the feed again to resume)";
            feeds.disable(feed.id(), reason, now, since(started));
            log.warn("Feed {} disabled: {}", feed.url(), reason);
            return RefreshReport.failed(feed.id(), feed.url(), reason);
        }
        FetchResult.NotModified notModified = (FetchResult.NotModified) result;
        follow(feed, notModified.movedTo());
        Duration poll = feed.refreshMinutes() != null
                ? Duration.ofMinutes(feed.refreshMinutes())
                : policy.pollIntervalUnchanged(feed.pollInterval(), notModified.freshFor());
        feeds.recordSuccess(
                feed.id(),
                new FetchSuccess(
                        FetchStatus.NOT_MODIFIED,
                        feed.etag(),
                        feed.lastModified(),
                        null,
                        null,
                        now,
                        now.plus(poll),
                        0,
                        0,
                        since(started),
                        null,
                        false));
        meter.charge(Stage.STORE);
        return new RefreshReport(feed.id(), feed.url(), RefreshReport.Outcome.NOT_MODIFIED, 0, 0, 0, 0, null);
    }

    /** A feed that moved for good (every redirect permanent) is fetched from its new URL from now on. */
    private void follow(Feed feed, URI movedTo) {
        if (movedTo == null) {
            return;
        }
        if (feeds.changeUrl(feed.id(), movedTo.toString())) {
            log.info("Feed {} moved permanently to {}: URL updated", feed.url(), movedTo);
        } else {
            log.warn("Feed {} moved permanently to {}, which is already subscribed: URL kept", feed.url(), movedTo);
        }
    }

    private RefreshReport store(
            Feed feed, FetchResult.Modified modified, Instant now, long started, boolean full, Meter meter) {
        ParsedFeed parsed;
        try {
            parsed = parser.parse(modified.body(), modified.finalUri());
        } catch (FeedParseException e) {
            return fail(feed, now, started, e.getMessage(), null);
        }
        meter.charge(Stage.PARSE);
        metrics.entries(parsed.entries().size());
        if (parsed.problem() != null) {
            log.warn("Feed {}: read despite problems: {}", feed.url(), parsed.problem());
        }
        if (stopping) {
            return stopped(feed, 0, 0, 0, 0);
        }
        List<PostDraft> drafts = new ArrayList<>(parsed.entries().size());
        List<CleanEntry> cleaned = new ArrayList<>(parsed.entries().size());
        for (ParsedEntry entry : parsed.entries()) {
            CleanEntry clean = cleaner.entry(entry, modified.finalUri().toString());
            cleaned.add(clean);
            drafts.add(draft(feed.id(), entry, clean));
        }
        String title = cleaner.plainText(parsed.title());
        String feedTitle = Objects.requireNonNullElse(title, feed.displayTitle());
        meter.charge(Stage.CLEAN);
        // what is stored already, unchanged, needs no page, no analysis and no write
        boolean[] stored = posts.alreadyStored(drafts);
        meter.charge(Stage.STORE);
        // the pages of new teasers first (waiting on servers), then the analysis of every new or changed post on
        // the analysis pool (the CPU), then the chapters and transcripts of new episodes
        List<Integer> fresh = new ArrayList<>();
        List<PostDraft> changed = new ArrayList<>();
        int pages = 0;
        for (int i = 0; i < drafts.size() && !stopping; i++) {
            if (stored[i]) {
                continue;
            }
            PostDraft draft = drafts.get(i);
            if (feed.fullText()
                    && pages < FullText.MAX_PAGES_PER_REFRESH
                    && Teasers.isTeaser(parsed.entries().get(i), cleaned.get(i))) {
                pages++;
                meter.charge(Stage.CLEAN);
                draft = withFullText(feed, draft);
                meter.charge(Stage.FULL_TEXT);
            }
            fresh.add(i);
            changed.add(draft);
        }
        meter.charge(Stage.CLEAN);
        if (analyze && !stopping) {
            changed = analyzed(feed, feedTitle, parsed.entries(), fresh, changed, meter);
        }
        if (stopping) {
            return stopped(feed, 0, 0, 0, 0);
        }
        int[] skipped = {0};
        List<Upsert> upserts = changed.isEmpty()
                ? List.of()
                : posts.upsertAll(changed, now, (draft, e) -> {
                    // one entry the store refuses must not cost the feed its other entries
                    skipped[0]++;
                    log.warn(
                            "Feed {}: entry {} not stored: {}",
                            feed.url(),
                            draft.guid() != null ? draft.guid() : draft.link(),
                            e.getMessage());
                });
        int created = (int) upserts.stream()
                .filter(u -> u.outcome() == Upsert.Outcome.CREATED)
                .count();
        int updated = (int) upserts.stream()
                .filter(u -> u.outcome() == Upsert.Outcome.UPDATED)
                .count();
        int unchanged = drafts.size()
                - changed.size()
                + (int) upserts.stream()
                        .filter(u -> u.outcome() == Upsert.Outcome.UNCHANGED)
                        .count();
        Duration poll = feed.refreshMinutes() != null
                ? Duration.ofMinutes(feed.refreshMinutes())
                : policy.pollInterval(
                        now, drafts.stream().map(PostDraft::publishedAt).toList(), parsed.ttl(), modified.freshFor());
        feeds.recordSuccess(
                feed.id(),
                new FetchSuccess(
                        FetchStatus.OK,
                        modified.etag(),
                        modified.lastModified(),
                        title,
                        parsed.link(),
                        now,
                        now.plus(poll),
                        created,
                        updated,
                        since(started),
                        poll,
                        full));
        feeds.describe(feed.id(), cleaner.plainText(parsed.description()), webAddress(parsed.image()));
        meter.charge(Stage.STORE);
        log.info(
                "Feed {}: {} entries, {} new, {} updated",
                feed.url(),
                parsed.entries().size(),
                created,
                updated);
        return new RefreshReport(
                feed.id(), feed.url(), RefreshReport.Outcome.FETCHED, created, updated, unchanged, skipped[0], null);
    }

    /**
     * The drafts with their facts: each post analyzed on the analysis pool (the posts of one feed on every core),
     * an episode that links a transcript once its transcript is read here, so that what was said is scored with what
     * was written; then the chapters of new episodes fetched here.
     */
    private List<PostDraft> analyzed(
            Feed feed,
            String feedTitle,
            List<ParsedEntry> entries,
            List<Integer> fresh,
            List<PostDraft> drafts,
            Meter meter) {
        Analyzer current = analyzer.get();
        List<CompletableFuture<Analysis>> analyses = new ArrayList<>(drafts.size());
        List<Document> documents = new ArrayList<>(drafts.size());
        ParsedPodcast.Transcript[] files = new ParsedPodcast.Transcript[drafts.size()];
        int transcriptFiles = 0;
        for (int k = 0; k < drafts.size(); k++) {
            ParsedPodcast podcast = entries.get(fresh.get(k)).podcast();
            files[k] = podcast == null || transcriptFiles == MAX_TRANSCRIPT_FILES
                    ? null
                    : TranscriptReader.timedFirst(podcast.transcripts());
            transcriptFiles += files[k] == null ? 0 : 1;
            // the posts without a transcript are analyzed while the transcripts are fetched
            Document document = document(entries.get(fresh.get(k)), drafts.get(k), feedTitle);
            documents.add(document);
            analyses.add(files[k] == null ? analysis(current, document, null) : null);
        }
        PostFacts.Transcript[] transcripts = new PostFacts.Transcript[drafts.size()];
        for (int k = 0; k < drafts.size(); k++) {
            if (files[k] != null) {
                transcripts[k] = transcriptReader.read(feed.url(), files[k], posts.storedTranscript(drafts.get(k)));
                analyses.set(k, analysis(current, documents.get(k), transcripts[k]));
            }
        }
        meter.charge(Stage.FETCH);
        List<Analysis> results = analyses.stream().map(Refresher::result).toList();
        meter.skip(); // the analysis's CPU is counted on the threads that did it
        List<PostDraft> analyzed = new ArrayList<>(drafts.size());
        int chapterFiles = 0;
        for (int k = 0; k < drafts.size(); k++) {
            Analysis analysis = results.get(k);
            ParsedPodcast podcast = entries.get(fresh.get(k)).podcast();
            List<PostFacts.Chapter> chapters = List.of();
            meter.charge(Stage.ANALYSIS);
            if (analysis.episode() != null && chapterFiles < MAX_CHAPTER_FILES && jsonChapters(podcast)) {
                chapterFiles++;
                chapters = chapterReader.read(feed.url(), podcast.chapters().url());
            }
            meter.charge(Stage.FETCH);
            analyzed.add(drafts.get(k).withFacts(facts(analysis, podcast, chapters, transcripts[k])));
        }
        meter.charge(Stage.ANALYSIS);
        return analyzed;
    }

    /** A post's analysis on the analysis pool, with what was said in it when its transcript was read. */
    private CompletableFuture<Analysis> analysis(Analyzer current, Document document, PostFacts.Transcript transcript) {
        return CompletableFuture.supplyAsync(
                () -> analyze(current, document, transcript == null ? List.of() : said(transcript.cues())),
                analysisPool);
    }

    /** What the analysis pool found, or what went wrong there, as thrown on this thread. */
    private static Analysis result(CompletableFuture<Analysis> analysis) {
        try {
            return analysis.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The analysis of one post, its CPU time counted on the thread that does it. */
    private Analysis analyze(Analyzer current, Document document, List<Hype.Cue> said) {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            return current.analyze(document, said);
        } finally {
            metrics.cpu(Stage.ANALYSIS, THREADS.getCurrentThreadCpuTime() - before);
        }
    }

    /** What the analyzer reads of a post. */
    private static Document document(ParsedEntry entry, PostDraft draft, String feedTitle) {
        ParsedPodcast podcast = entry.podcast();
        return new Document(
                draft.title(),
                draft.shownText(),
                entry.link(),
                entry.categories(),
                draft.enclosures().stream()
                        .map(e -> e.mimeType() == null ? "" : e.mimeType())
                        .toList(),
                feedTitle,
                podcast == null ? null : podcast.episode(),
                podcast == null ? null : podcast.durationSeconds(),
                entry.author());
    }

    /** Whether the episode links a chapters file in JSON (the type Podcasting 2.0 gives, or none), at a web address. */
    private static boolean jsonChapters(ParsedPodcast podcast) {
        return podcast != null
                && podcast.chapters() != null
                && webAddress(podcast.chapters().url()) != null
                && (podcast.chapters().type() == null
                        || podcast.chapters().type().toLowerCase(Locale.ROOT).contains("json"));
    }

    /** An http or https address, else null: a feed's artwork is shown on pages, and nothing else belongs there. */
    static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The facts to store with a post: what the analysis found (kind, topics, AI claims, release, episode, the
     * encoder's vector), and the season its feed tagged an episode with.
     */
    private static PostFacts facts(
            Analysis a, ParsedPodcast podcast, List<PostFacts.Chapter> chapters, PostFacts.Transcript read) {
        List<PostFacts.TopicScore> topics = a.topics().stream()
                .map(t -> new PostFacts.TopicScore(t.topic().id(), t.score()))
                .toList();
        PostFacts.Release release = a.release() == null
                ? null
                : new PostFacts.Release(
                        a.release().product(),
                        a.release().version(),
                        a.release().breaking(),
                        a.release().notes().stream()
                                .map(n -> new ReleaseNote(n.section(), n.text(), n.breaking()))
                                .toList());
        ParsedPodcast.Transcript transcript = podcast == null ? null : transcript(podcast.transcripts());
        PostFacts.Episode episode = a.episode() == null
                ? null
                : new PostFacts.Episode(
                        a.episode().show(),
                        podcast == null ? null : podcast.season(),
                        a.episode().number(),
                        a.episode().durationSeconds(),
                        transcript == null ? null : transcript.url(),
                        transcript == null ? null : transcript.type(),
                        podcast == null || podcast.chapters() == null
                                ? null
                                : podcast.chapters().url(),
                        chapters,
                        read);
        return new PostFacts(
                a.kind().id(),
                topics,
                a.hype().score(),
                a.hype().stance(),
                claims(a.hype()),
                release,
                episode,
                a.vector());
    }

    /** The AI claims of a hype verdict as the store keeps them. */
    public static List<PostFacts.Claim> claims(Hype hype) {
        return hype.claims().stream()
                .map(c -> new PostFacts.Claim(
                        c.part().id(),
                        c.start(),
                        c.end(),
                        c.text(),
                        c.score(),
                        c.stance(),
                        c.reasons(),
                        c.startMillis(),
                        c.speaker()))
                .toList();
    }

    /** What was said in an episode, as the analyzer reads it: the cues of its transcript. */
    public static List<Hype.Cue> said(List<PostFacts.Cue> cues) {
        return cues.stream()
                .map(c -> new Hype.Cue(c.startMillis(), c.speaker(), c.text()))
                .toList();
    }

    /**
     * The transcript a reader would open: one for reading (HTML, then plain text) before captions (WebVTT, SRT,
     * JSON), in the feed's order among equals.
     */
    private static ParsedPodcast.Transcript transcript(List<ParsedPodcast.Transcript> transcripts) {
        List<String> preferred = List.of(
                "text/html", "text/plain", "text/vtt", "application/x-subrip", "application/srt", "application/json");
        return transcripts.stream()
                .filter(t -> t.url() != null)
                .min(Comparator.comparingInt(t -> {
                    int at = preferred.indexOf(t.type() == null ? "" : t.type().toLowerCase(Locale.ROOT));
                    return at < 0 ? preferred.size() : at;
                }))
                .orElse(null);
    }

    /** The draft with its page's article in place of the teaser, when the page has one longer than the teaser. */
    private PostDraft withFullText(Feed feed, PostDraft draft) {
        FullText.Result found = fullText.fetch(draft.link(), feed.fullTextSelector());
        boolean longer = found.article() != null
                && found.article().text().length() > draft.contentText().length();
        metrics.fullText(longer);
        if (found.article() == null) {
            log.info("Feed {}: teaser kept, no full text: {}", feed.url(), found.problem());
            return draft;
        }
        if (!longer) {
            log.info("Feed {}: teaser kept, the page {} holds no more text than the feed", feed.url(), draft.link());
            return draft;
        }
        return draft.withArticle(found.article().html(), found.article().text());
    }

    /** The post as it would be stored, before analysis: its facts follow only if it is not stored already. */
    private PostDraft draft(long feedId, ParsedEntry entry, CleanEntry clean) {
        List<Enclosure> enclosures = entry.enclosures().stream()
                .map(e -> new Enclosure(e.url(), e.length(), e.type()))
                .toList();
        return new PostDraft(
                feedId,
                entry.id(),
                entry.link(),
                clean.title(),
                entry.author(),
                entry.published() != null ? entry.published() : entry.updated(),
                entry.updated(),
                cleaner.summary(clean.summary(), clean.content()),
                clean.content().html(),
                clean.content().text(),
                PostFacts.ofKind("article"),
                enclosures);
    }

    /** Charges the CPU time this thread spent since the last charge to a stage of the cost sheet. */
    private final class Meter {
        private long mark = THREADS.getCurrentThreadCpuTime();

        void charge(Stage stage) {
            long now = THREADS.getCurrentThreadCpuTime();
            metrics.cpu(stage, now - mark);
            mark = now;
        }

        /** Counts nothing of what this thread did since the last charge: it was counted elsewhere. */
        void skip() {
            mark = THREADS.getCurrentThreadCpuTime();
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static RefreshReport stopped(Feed feed, int created, int updated, int unchanged, int skipped) {
        log.info("Feed {}: refresh stopped after {} new posts, Sift is stopping", feed.url(), created);
        return new RefreshReport(
                feed.id(), feed.url(), RefreshReport.Outcome.STOPPED, created, updated, unchanged, skipped, null);
    }

    private RefreshReport fail(Feed feed, Instant now, long started, String reason, Duration retryAfter) {
        feeds.recordFailure(
                feed.id(),
                reason,
                now,
                policy.afterFailure(now, feed.consecutiveFailures() + 1, retryAfter),
                since(started));
        log.warn("Feed {} failed: {}", feed.url(), reason);
        return RefreshReport.failed(feed.id(), feed.url(), reason);
    }
}
