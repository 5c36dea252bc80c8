package sift.web.digest;

import java.time.LocalDate;
import java.util.List;
import sift.store.feed.FeedReach;

/**
 * The digest page: the day's digest, when it was made (words), the next day when its digest is made (else null),
 * and the days before it. Pairs with digest/page.jte.
 */
public record DigestPage(
        Digest digest, String madeAt, LocalDate previous, LocalDate next, List<LocalDate> archive, FeedReach reach) {
    public DigestPage {
        archive = List.copyOf(archive);
    }
}
