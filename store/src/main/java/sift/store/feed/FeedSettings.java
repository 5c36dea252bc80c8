package sift.store.feed;

/**
 * What an admin tunes on a feed: its title (null: the feed's own), category, refresh interval in minutes (null:
 * Sift adapts it to the feed), full text of teasers and the article's CSS selector, the digest's weight of its
 * posts (0-10, 1 neutral), and whether it is fetched at all. Values are checked here, each refused by name.
 */
public record FeedSettings(
        String title,
        String category,
        Integer refreshMinutes,
        boolean fullText,
        String fullTextSelector,
        double sourceWeight,
        boolean enabled) {

    public FeedSettings {
        title = blankToNull(title);
        category = blankToNull(category);
        fullTextSelector = blankToNull(fullTextSelector);
        if (title != null && title.length() > 500) {
            throw new IllegalArgumentException("the title has at most 500 characters");
        }
        if (category != null && category.length() > 200) {
            throw new IllegalArgumentException("the category has at most 200 characters");
        }
        if (refreshMinutes != null && (refreshMinutes < 5 || refreshMinutes > 10080)) {
            throw new IllegalArgumentException(
                    "the refresh interval is 5 to 10080 minutes (a week), not " + refreshMinutes);
        }
        if (fullTextSelector != null && fullTextSelector.length() > 500) {
            throw new IllegalArgumentException("the full-text selector has at most 500 characters");
        }
        if (!(sourceWeight >= 0 && sourceWeight <= 10)) {
            throw new IllegalArgumentException("the source weight is 0 to 10, not " + sourceWeight);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
