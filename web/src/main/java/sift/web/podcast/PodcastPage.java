package sift.web.podcast;

import java.time.Instant;
import java.util.List;
import sift.store.feed.FeedReach;
import sift.store.podcast.PodcastStore;
import sift.web.http.Dates;
import sift.web.reader.PostPage;

/**
 * The podcasts: every show, or one show's episodes (then {@code show} is its name), and the episodes the reader
 * started and has not finished. Pairs with podcast/shows.jte and podcast/show.jte.
 */
public record PodcastPage(
        String show,
        List<PodcastStore.Show> shows,
        List<PodcastStore.Episode> episodes,
        List<PodcastStore.Episode> inProgress,
        String nextCursor,
        Instant now,
        FeedReach reach) {
    public PodcastPage {
        shows = List.copyOf(shows);
        episodes = List.copyOf(episodes);
        inProgress = List.copyOf(inProgress);
    }

    public Dates.Shown date(Instant at) {
        return Dates.shown(at, now);
    }

    /** An episode's number as listeners say it: "S2 E142", "E142", or nothing. */
    public static String number(PodcastStore.Episode e) {
        if (e.number() == null) {
            return "";
        }
        return (e.season() == null ? "" : "S" + e.season() + " ") + "E" + e.number();
    }

    /** A duration as "52 min" or "1 h 5 min"; empty when the feed gave none. */
    public static String duration(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        int minutes = Math.round(seconds / 60f);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    public static String clock(int seconds) {
        return PostPage.clock(seconds);
    }
}
