package sift.web.reader;

import java.util.List;
import java.util.function.Function;
import sift.store.post.RiverCursor;

/**
 * One page of a newest-first list read by keyset (the river, a show's episodes): its items, and the cursor of the
 * next page ({@code ?after=}), null on the last page.
 */
public record KeysetPage<T>(List<T> items, String next) {
    public KeysetPage {
        items = List.copyOf(items);
    }

    /** The page of {@code size} items out of {@code fetched}, which holds one more when there is a next page. */
    public static <T> KeysetPage<T> of(List<T> fetched, int size, Function<T, RiverCursor> cursorOf) {
        if (fetched.size() <= size) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new KeysetPage<>(items, cursorOf.apply(items.get(size - 1)).token());
    }
}
