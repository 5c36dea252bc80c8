package sift.store.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post as ingest hands it to the store: sanitised content, its plain text and its facts. The store picks
 * its identity within the feed (GUID, else link, else content hash) and its content hash. When the feed gave
 * only a teaser, {@code articleHtml} and {@code articleText} hold the full text from the post's page: that is
 * what is stored and shown, while the content hash stays that of the feed's own content, so the same teaser
 * seen again is the same post.
 */
public record PostDraft(
        long feedId,
        String guid,
        String link,
        String title,
        String author,
        Instant publishedAt,
        Instant updatedAt,
        String summary,
        String contentHtml,
        String contentText,
        PostFacts facts,
        List<Enclosure> enclosures,
        String articleHtml,
        String articleText) {

    public PostDraft(
            long feedId,
            String guid,
            String link,
            String title,
            String author,
            Instant publishedAt,
            Instant updatedAt,
            String summary,
            String contentHtml,
            String contentText,
            PostFacts facts,
            List<Enclosure> enclosures) {
        this(
                feedId,
                guid,
                link,
                title,
                author,
                publishedAt,
                updatedAt,
                summary,
                contentHtml,
                contentText,
                facts,
                enclosures,
                null,
                null);
    }

    public PostDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(facts, "facts");
        enclosures = List.copyOf(enclosures);
        guid = blankToNull(guid);
        link = blankToNull(link);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The same post with other facts (the analysis, once it is known to be needed). */
    public PostDraft withFacts(PostFacts other) {
        return new PostDraft(
                feedId,
                guid,
                link,
                title,
                author,
                publishedAt,
                updatedAt,
                summary,
                contentHtml,
                contentText,
                other,
                enclosures,
                articleHtml,
                articleText);
    }

    /** The same post with the full text of its page in place of the feed's teaser. */
    public PostDraft withArticle(String html, String text) {
        return new PostDraft(
                feedId,
                guid,
                link,
                title,
                author,
                publishedAt,
                updatedAt,
                summary,
                contentHtml,
                contentText,
                facts,
                enclosures,
                html,
                text);
    }

    /** The HTML to store and show: the article's full text when there is one, else the feed's content. */
    public String shownHtml() {
        return articleHtml != null ? articleHtml : contentHtml;
    }

    public String shownText() {
        return articleHtml != null ? articleText : contentText;
    }
}
