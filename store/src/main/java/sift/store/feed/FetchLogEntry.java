package sift.store.feed;

import java.time.Duration;
import java.time.Instant;

/** One fetch of a feed: when, how it went, how long it took, what it brought, and the error if it failed. */
public record FetchLogEntry(
        Instant fetchedAt, FetchStatus status, Duration took, int newPosts, int updatedPosts, String error) {}
