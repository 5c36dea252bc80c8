package sift.store.feed;

/**
 * How the enabled feeds' last fetches went: {@code reached} answered (a feed, or not modified), {@code failing}
 * did not, {@code waiting} were not fetched yet; {@code commonError} is the error most of the failing ones share
 * (null when none fails), {@code withCommonError} how many share it.
 */
public record FeedReach(int reached, int failing, int waiting, String commonError, int withCommonError) {
    public int enabled() {
        return reached + failing + waiting;
    }

    /** More feeds fail than answer: readers are told, as the posts they expect are missing. */
    public boolean mostlyFailing() {
        return failing > 0 && failing > reached;
    }
}
