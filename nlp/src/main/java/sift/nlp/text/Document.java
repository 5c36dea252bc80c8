package sift.nlp.text;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A post as the NLP pipeline sees it: its title and plain text (one line per block: paragraphs, headings and
 * list items stay units), plus the little metadata that helps to understand it: its link, the feed's
 * categories, the media types of its enclosures, the feed's title, the episode number and duration a
 * podcast feed tagged it with (null when untagged), and its author (null when none is given). Title and text
 * alone are a first-class case: everything else only helps.
 */
public record Document(
        String title,
        String text,
        String link,
        List<String> categories,
        List<String> enclosureTypes,
        String feedTitle,
        Integer episodeTag,
        Integer durationSeconds,
        String author) {

    private static final Pattern RELEASE_LINK = Pattern.compile("/releases/tag/[^/]+/?$");

    public Document {
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        categories = List.copyOf(categories);
        enclosureTypes = List.copyOf(enclosureTypes);
    }

    public Document(String title, String text, String link, List<String> categories, List<String> enclosureTypes) {
        this(title, text, link, categories, enclosureTypes, null, null, null, null);
    }

    /** Title and text alone, as {@code sift score} reads them. */
    public static Document of(String title, String text) {
        return new Document(title, text, null, List.of(), List.of());
    }

    /**
     * What the post says first: its title, or when it has none (feeds that put everything in the description), the
     * first line of its text, at most 200 characters.
     */
    public String headline() {
        if (!title.isBlank()) {
            return title.strip();
        }
        String text = this.text.strip();
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.length() <= 200 ? first.strip() : first.substring(0, 200);
    }

    /** The text's first {@code chars} characters (all of it when shorter): where a post says what it is. */
    public String lead(int chars) {
        return text.substring(0, Math.min(text.length(), chars));
    }

    /** Whether the link points at a release tag, as GitHub-style release feeds link their entries. */
    public boolean hasReleaseLink() {
        return link != null && RELEASE_LINK.matcher(link).find();
    }

    /** Whether an enclosure is audio or video: the mark of a podcast episode. */
    public boolean hasMedia() {
        return enclosureTypes.stream()
                .anyMatch(t -> t != null
                        && (t.regionMatches(true, 0, "audio/", 0, 6) || t.regionMatches(true, 0, "video/", 0, 6)));
    }
}
