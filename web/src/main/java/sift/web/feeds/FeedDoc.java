package sift.web.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import sift.store.post.Enclosure;
import sift.store.post.PostFacts;

/**
 * A view of Sift as a feed, in what RSS 2.0, Atom 1.0 and JSON Feed 1.1 all say. Every URL is absolute.
 *
 * @param homeUrl the page of Sift that shows the same view
 * @param selfUrl this feed's own address, in the format asked for (set when it is served, {@link #withSelf})
 * @param podcast whether podcast apps should find show-level iTunes tags (the feed of curated episodes)
 */
public record FeedDoc(
        String title,
        String description,
        String homeUrl,
        String selfUrl,
        Instant updated,
        List<Item> items,
        boolean podcast) {

    public FeedDoc {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(updated, "updated");
        items = List.copyOf(items);
    }

    /** The same feed at its own address. */
    public FeedDoc withSelf(String url) {
        return new FeedDoc(title, description, homeUrl, url, updated, items, podcast);
    }

    /**
     * One post (or one day's digest) as an entry.
     *
     * @param id a stable, absolute id: Sift's own address of the entry
     * @param link the original article when there is one, else Sift's page
     * @param categories topic ids, best first
     * @param hype the hype score 0-100, or null where it means nothing (a digest)
     * @param durationSeconds an episode's length, for podcast apps
     * @param spoken the hype and skeptical AI claims said in an episode, in the order they were said
     */
    public record Item(
            String id,
            String title,
            String link,
            Instant published,
            Instant updated,
            String author,
            String summary,
            String contentHtml,
            List<String> categories,
            Integer hype,
            String stance,
            String kind,
            List<Enclosure> enclosures,
            Integer durationSeconds,
            List<PostFacts.Claim> spoken) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(published, "published");
            updated = updated == null ? published : updated;
            categories = List.copyOf(categories);
            enclosures = List.copyOf(enclosures);
            spoken = List.copyOf(spoken);
        }
    }
}
