package sift.store.sync;

import java.time.Instant;
import java.util.List;

/**
 * Which posts a sync app asks for: a stream of the Google Reader API or a call of the Fever API. Null fields do not
 * select. {@code label} is a folder or a label, as both APIs see them: the posts of the feeds in that category, and
 * the posts the reader gave that label. {@code read} and {@code starred} select by the reader's marks (true: only
 * marked; false: only unmarked). {@code since} and {@code until} bound the published time ({@code since}
 * included); {@code seenBefore} keeps the posts Sift had stored before then, as "mark all as read" asks;
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
        Instant since,
        Instant until,
        Instant seenBefore,
        Long aboveId,
        Long belowId) {

    /** Every post. */
    public static final Selection ALL =
            new Selection(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Selection {
        feedIds = feedIds == null ? null : List.copyOf(feedIds);
        ids = ids == null ? null : List.copyOf(ids);
    }

    public Selection feeds(List<Long> value) {
        return new Selection(
                value,
                label,
                topic,
                kind,
                minHype,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection label(String value) {
        return new Selection(
                feedIds,
                value,
                topic,
                kind,
                minHype,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection topic(String value) {
        return new Selection(
                feedIds,
                label,
                value,
                kind,
                minHype,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection kind(String value) {
        return new Selection(
                feedIds,
                label,
                topic,
                value,
                minHype,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection minHype(Integer value) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                value,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection stance(String value) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                value,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection ids(List<Long> value) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                stance,
                value,
                read,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection read(Boolean value) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                stance,
                ids,
                value,
                starred,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection starred(Boolean value) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                stance,
                ids,
                read,
                value,
                since,
                until,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection published(Instant from, Instant to) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                stance,
                ids,
                read,
                starred,
                from,
                to,
                seenBefore,
                aboveId,
                belowId);
    }

    public Selection seenBefore(Instant value) {
        return new Selection(
                feedIds, label, topic, kind, minHype, stance, ids, read, starred, since, until, value, aboveId,
                belowId);
    }

    public Selection idsBetween(Long above, Long below) {
        return new Selection(
                feedIds,
                label,
                topic,
                kind,
                minHype,
                stance,
                ids,
                read,
                starred,
                since,
                until,
                seenBefore,
                above,
                below);
    }
}
