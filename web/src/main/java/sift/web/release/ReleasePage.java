package sift.web.release;

import java.time.Instant;
import java.util.List;
import sift.store.release.ReleaseStore;
import sift.web.http.Dates;

/**
 * The releases: every product with its newest version, or one product's versions over time (then {@code product}
 * is its name, and {@code watched} whether the reader watches it). Pairs with release/products.jte and
 * release/timeline.jte.
 */
public record ReleasePage(
        String product,
        boolean watched,
        List<ReleaseStore.Product> products,
        List<ReleaseStore.Release> releases,
        Instant now) {
    public ReleasePage {
        products = List.copyOf(products);
        releases = List.copyOf(releases);
    }

    public Dates.Shown date(Instant at) {
        return Dates.shown(at, now);
    }
}
