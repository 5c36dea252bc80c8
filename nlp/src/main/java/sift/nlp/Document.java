package sift.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A post as the NLP pipeline sees it: its title and plain text, plus the little metadata that helps to
 * understand it (its link, the feed's categories, the media types of its enclosures).
 */
public record Document(String title, String text, String link, List<String> categories, List<String> enclosureTypes) {
    public Document {
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        categories = List.copyOf(categories);
        enclosureTypes = List.copyOf(enclosureTypes);
    }
}
