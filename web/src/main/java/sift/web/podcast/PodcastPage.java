package sift.web.podcast;

import java.time.Instant;
import java.util.List;
import sift.store.feed.FeedReach;
import sift.store.podcast.PodcastStore;
import sift.web.http.Dates;
import sift.web.http.WebLinks;

/**
 * The podcasts: every show, or one show's episodes (then {@code show} is its name, and {@code about} what its
 * feed says of it), and the episodes the reader started and has not finished. Pairs with podcast/shows.jte and
 * podcast/show.jte.
 */
public record PodcastPage(
        String show,
        List<PodcastStore.Show> shows,
        List<PodcastStore.Episode> episodes,
        List<PodcastStore.Episode> inProgress,
        String nextCursor,
        Instant now,
        FeedReach reach,
        PodcastStore.About about) {
    public PodcastPage {
        shows = List.copyOf(shows);
        episodes = List.copyOf(episodes);
        inProgress = List.copyOf(inProgress);
    }

    public Dates.Shown date(Instant at) {
        return Dates.shown(at, now);
    }

    /** The show's artwork when its feed gives an http or https address for it, else null. */
    public String artwork() {
        return about == null ? null : WebLinks.httpOnly(about.imageUrl());
    }
}
