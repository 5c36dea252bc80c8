package sift.web.classifier;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.nlp.hype.Hype;
import sift.store.SettingStore;
import sift.store.post.IndexablePost;
import sift.store.post.PostChanges;
import sift.store.post.PostFacts;
import sift.store.post.PostQueries;
import sift.store.post.PostStore;
import sift.web.http.Threads;

/**
 * Re-scores the archive after the hype threshold changed: walks every post in the order they were stored, in
 * batches of {@value #BATCH}, on a thread of its own (readers go on reading: each changed post is its own short
 * transaction), and stores the new hype verdict of each post whose verdict changed. Where it got to is kept in
 * the database after every batch, so a restart resumes it ({@link #resumeIfPending}).
 */
public final class Rescore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Rescore.class);
    static final String AFTER = "rescore.after";
    static final String DONE = "rescore.done";
    static final String CHANGED = "rescore.changed";
    static final int BATCH = 200;

    private final PostStore posts;
    private final PostQueries queries;
    private final PostChanges changes;
    private final SettingStore settings;
    private final Supplier<Analyzer> analyzer;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("sift-rescore"));
    /** Set by {@link #close}: the walk stops after its batch, where it resumes at the next start. */
    private volatile boolean stopping;

    public Rescore(
            PostStore posts,
            PostQueries queries,
            PostChanges changes,
            SettingStore settings,
            Supplier<Analyzer> analyzer) {
        this.posts = posts;
        this.queries = queries;
        this.changes = changes;
        this.settings = settings;
        this.analyzer = analyzer;
    }

    /** Where the last re-scoring stands: whether it is still going, posts looked at, of them changed, of all posts. */
    public record Progress(boolean going, int done, int changed, int total) {}

    /** The last re-scoring (going or done), or empty when there never was one. */
    public Optional<Progress> progress() {
        return settings.get(DONE)
                .map(done -> new Progress(
                        settings.get(AFTER).isPresent(),
                        Integer.parseInt(done),
                        Integer.parseInt(settings.get(CHANGED).orElse("0")),
                        changes.count()));
    }

    /** Starts re-scoring from the first post; false when one is under way already (which then goes on, if it had stopped). */
    public boolean start() {
        if (settings.get(AFTER).isPresent()) {
            run();
            return false;
        }
        settings.put(DONE, "0");
        settings.put(CHANGED, "0");
        settings.put(AFTER, "0");
        run();
        return true;
    }

    /** Goes on with a re-scoring a stop interrupted. */
    public void resumeIfPending() {
        if (settings.get(AFTER).isPresent()) {
            log.info(
                    "Re-scoring the archive resumes after post {}",
                    settings.get(AFTER).get());
            run();
        }
    }

    private void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                long after = Long.parseLong(settings.get(AFTER).orElse("0"));
                int done = Integer.parseInt(settings.get(DONE).orElse("0"));
                int changed = Integer.parseInt(settings.get(CHANGED).orElse("0"));
                List<IndexablePost> batch;
                while (!stopping && !(batch = changes.afterId(after, BATCH)).isEmpty()) {
                    Analyzer now = analyzer.get();
                    for (IndexablePost post : batch) {
                        Hype hype = now.hype(post.title(), post.text(), Refresher.said(post.transcript()));
                        if (hype.score() != post.hypeScore() || !hype.stance().equals(post.stance())) {
                            changed += rescore(post.id(), hype) ? 1 : 0;
                        }
                        after = post.id();
                        done++;
                    }
                    settings.put(DONE, String.valueOf(done));
                    settings.put(CHANGED, String.valueOf(changed));
                    settings.put(AFTER, String.valueOf(after));
                }
                if (!stopping) {
                    log.info("Re-scored the archive: {} posts, {} changed", done, changed);
                    settings.remove(AFTER);
                }
            } catch (RuntimeException e) {
                log.error("Re-scoring the archive stopped ({}); it resumes at the next start", e.getMessage(), e);
            } finally {
                running.set(false);
            }
        });
    }

    private boolean rescore(long postId, Hype hype) {
        return queries.find(postId)
                .map(post -> {
                    PostFacts f = post.facts();
                    return posts.replaceFacts(
                            postId,
                            new PostFacts(
                                    f.kind(),
                                    f.topics(),
                                    hype.score(),
                                    hype.stance(),
                                    Refresher.claims(hype),
                                    f.release(),
                                    f.episode(),
                                    f.vector()));
                })
                .orElse(false);
    }

    @Override
    public void close() {
        stopping = true;
        Threads.stop(worker, "Re-scoring the archive");
    }
}
