package sift.ingest.refresh;

import java.time.Instant;

/**
 * How ingest is doing, for {@code /health}: running or stopped, refreshes in flight, the last one finished, and why
 * it waits ({@code paused}: the disk of the data folder is short of room), or null.
 */
public record IngestStatus(boolean running, int inFlight, long refreshesDone, Instant lastRefreshAt, String paused) {}
