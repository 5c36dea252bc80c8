package sift.nlp.kind;

import java.util.Locale;
import java.util.regex.Pattern;
import sift.nlp.Document;
import sift.nlp.Kind;

/**
 * Tells the kind of a post from its metadata and title, in this order: media enclosures make a podcast;
 * a release-tag link or a versioned release title makes a release; outage words make an incident; launch
 * words make an announcement; everything else is an article.
 */
public final class KindClassifier {
    private static final Pattern RELEASE_LINK = Pattern.compile("/releases/tag/[^/]+/?$");
    private static final Pattern RELEASE_TITLE = Pattern.compile(
            "(?i)(^v?\\d+(\\.\\d+)+\\b)"
                    + "|(\\brelease\\s+v?\\d+(\\.\\d+)+)"
                    + "|(\\bv?\\d+(\\.\\d+)+\\s+(is\\s+out|released|release\\s+notes)\\b)"
                    + "|(\\breleased?\\b.*\\bv\\d+(\\.\\d+)+)");
    private static final Pattern INCIDENT_TITLE = Pattern.compile(
            "(?i)\\b(outage|incident|post-?mortem|root cause|service disruption|degraded performance)s?\\b");
    private static final Pattern ANNOUNCEMENT_TITLE = Pattern.compile(
            "(?i)\\b(announc\\w*|introducing|launch(es|ed|ing)?|now available|generally available"
                    + "|is joining|joins|acquires|welcomes?)\\b");

    public Kind classify(Document doc) {
        if (doc.enclosureTypes().stream().anyMatch(KindClassifier::isMedia)) {
            return Kind.PODCAST;
        }
        String title = doc.title().strip();
        if ((doc.link() != null && RELEASE_LINK.matcher(doc.link()).find()) || RELEASE_TITLE.matcher(title).find()) {
            return Kind.RELEASE;
        }
        if (INCIDENT_TITLE.matcher(title).find()) {
            return Kind.INCIDENT;
        }
        if (ANNOUNCEMENT_TITLE.matcher(title).find()) {
            return Kind.ANNOUNCEMENT;
        }
        return Kind.ARTICLE;
    }

    private static boolean isMedia(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return t.startsWith("audio/") || t.startsWith("video/");
    }
}
