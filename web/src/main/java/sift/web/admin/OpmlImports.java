package sift.web.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.AuditStore;
import sift.store.feed.FeedStore;
import sift.store.feed.NewFeed;
import sift.store.user.SessionStore;
import sift.web.http.Threads;
import sift.web.http.WebLinks;

/**
 * OPML imports running in the background, one at a time, so that a file of hundreds of feeds shows its progress
 * while it goes; each keeps its report (added, or skipped and why) for its page. The last {@value #KEPT} imports
 * are kept in memory: after a restart an unfinished import is simply imported again (subscribing is idempotent).
 */
public final class OpmlImports implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpmlImports.class);
    static final int KEPT = 20;

    private final FeedStore feeds;
    private final AuditStore audit;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("sift-opml-import"));
    /** Set by {@link #close}: an import stops before its next feed. */
    private volatile boolean stopping;

    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    });

    public OpmlImports(FeedStore feeds, AuditStore audit, Clock clock) {
        this.feeds = feeds;
        this.audit = audit;
        this.clock = clock;
    }

    /** An imported feed's fate: added, or skipped and why. */
    public record Imported(String url, String title, String category, boolean added, String reason) {}

    /** One import: its file, how many feeds it lists, and the report so far. */
    public static final class Job {
        private final String id;
        private final String file;
        private final int total;
        private final List<Imported> report = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean finished;

        Job(String id, String file, int total) {
            this.id = id;
            this.file = file;
            this.total = total;
        }

        public String id() {
            return id;
        }

        public String file() {
            return file;
        }

        public int total() {
            return total;
        }

        public int done() {
            return report.size();
        }

        public boolean finished() {
            return finished;
        }

        public List<Imported> report() {
            synchronized (report) {
                return List.copyOf(report);
            }
        }

        public long added() {
            return report().stream().filter(Imported::added).count();
        }
    }

    /** Starts importing the feeds read from {@code file} for the admin; returns the job to follow. */
    public Job start(String file, List<NewFeed> listed, long adminId, String adminName) {
        Job job = new Job(SessionStore.randomToken(), file, listed.size());
        jobs.put(job.id(), job);
        worker.execute(() -> {
            try {
                for (NewFeed feed : listed) {
                    if (stopping) {
                        break; // the report says how many were not reached
                    }
                    job.report.add(importOne(feed));
                }
            } catch (RuntimeException e) {
                log.error(
                        "OPML import of {} stopped after {} of {} feeds: {}",
                        file,
                        job.done(),
                        job.total(),
                        e.getMessage(),
                        e);
            } finally {
                job.finished = true;
                String summary = job.added() + " added, " + (job.done() - job.added()) + " skipped"
                        + (job.done() < job.total()
                                ? ", " + (job.total() - job.done()) + " not reached (see the log)"
                                : "");
                audit.record(adminId, adminName, "opml.import", file, summary, clock.instant());
                log.info("OPML import of {} by '{}': {}", file, adminName, summary);
            }
        });
        return job;
    }

    private Imported importOne(NewFeed feed) {
        String url = feed.url();
        if (WebLinks.webAddress(url) == null) {
            return new Imported(url, feed.title(), feed.category(), false, "not an http(s) address");
        }
        boolean added = feeds.subscribe(feed, clock.instant());
        return new Imported(url, feed.title(), feed.category(), added, added ? null : "already subscribed");
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void close() {
        stopping = true;
        Threads.stop(worker, "The OPML import");
    }
}
