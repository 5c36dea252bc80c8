package sift.store.sync;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which posts a sync app asks for: a stream of the Google Reader API or a call of the Fever API. Null fields do not
 * select. {@code label} is a folder or a label, as both APIs see them: the posts of the feeds in that category, and
 * the posts the reader gave that label. {@code read} and {@code starred} select by the reader's marks (true: only
 * marked; false: only unmarked). {@code seenFrom} and {@code seenBefore} bound when Sift stored the post (its
 * crawl time, as the apps call it; {@code seenFrom} included): what an app syncs from, and "mark all as read";
 * {@code aboveId} and {@code belowId} bound the id (both excluded).
 */
public record Selection(
        List<Long> feedIds,
        String label,
        String topic,
        String kind,
        Integer minHype,
        String stance,
        List<Long> ids,
        Boolean read,
        Boolean starred,
        Instant seenFrom,
        Instant seenBefore,
        Long aboveId,
        Long belowId) {

    /** Every post. */
    public static final Selection ALL =
            new Selection(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Selection {
        feedIds = feedIds == null ? null : List.copyOf(feedIds);
        ids = ids == null ? null : List.copyOf(ids);
    }

    public Selection feeds(List<Long> value) {
        return with(b -> b.feedIds = value);
    }

    public Selection label(String value) {
        return with(b -> b.label = value);
    }

    public Selection topic(String value) {
        return with(b -> b.topic = value);
    }

    public Selection kind(String value) {
        return with(b -> b.kind = value);
    }

    public Selection minHype(Integer value) {
        return with(b -> b.minHype = value);
    }

    public Selection stance(String value) {
        return with(b -> b.stance = value);
    }

    public Selection ids(List<Long> value) {
        return with(b -> b.ids = value);
    }

    public Selection read(Boolean value) {
        return with(b -> b.read = value);
    }

    public Selection starred(Boolean value) {
        return with(b -> b.starred = value);
    }

    public Selection seenFrom(Instant value) {
        return with(b -> b.seenFrom = value);
    }

    public Selection seenBefore(Instant value) {
        return with(b -> b.seenBefore = value);
    }

    public Selection idsBetween(Long above, Long below) {
        return with(b -> {
            b.aboveId = above;
            b.belowId = below;
        });
    }

    /** This selection with the change made. */
    private Selection with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new Selection(
                f.feedIds,
                f.label,
                f.topic,
                f.kind,
                f.minHype,
                f.stance,
                f.ids,
                f.read,
                f.starred,
                f.seenFrom,
                f.seenBefore,
                f.aboveId,
                f.belowId);
    }

    /** The fields of a selection, to change some of them. */
    private static final class Fields {
        List<Long> feedIds;
        String label;
        String topic;
        String kind;
        Integer minHype;
        String stance;
        List<Long> ids;
        Boolean read;
        Boolean starred;
        Instant seenFrom;
        Instant seenBefore;
        Long aboveId;
        Long belowId;

        Fields(Selection s) {
            feedIds = s.feedIds;
            label = s.label;
            topic = s.topic;
            kind = s.kind;
            minHype = s.minHype;
            stance = s.stance;
            ids = s.ids;
            read = s.read;
            starred = s.starred;
            seenFrom = s.seenFrom;
            seenBefore = s.seenBefore;
            aboveId = s.aboveId;
            belowId = s.belowId;
        }
    }
}
