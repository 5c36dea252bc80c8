package sift.ingest.refresh;

import java.time.Instant;

/** How ingest is doing, for {@code /health}: running or stopped, refreshes in flight, the last one finished. */
public record IngestStatus(boolean running, int inFlight, long refreshesDone, Instant lastRefreshAt) {}
