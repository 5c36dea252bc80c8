package sift.nlp.text;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * The features the topic and kind models see in a post, each a string (binary, present or not):
 * {@code w=} stems of the text, {@code t=} stems of the title (the
 * title says most about the subject, so its words count twice: as {@code t=} and as {@code w=}), {@code n=}
 * product and protocol names as written with capitals or digits, {@code x=}, {@code x2=}, {@code x4=} and
 * {@code xt=} a topic's vocabulary used once, twice, four times (distinct words) and in the title
 * ({@link TopicWords}), {@code d=} the link's domain, {@code m=}
 * metadata (media enclosures, a release link, an episode tag). Only the first {@value #MAX_WORDS} words of
 * a text count: the subject is clear by then, and a 5 MB text costs no more than a long post.
 */
public final class Features {
    public static final int MAX_WORDS = 1500;

    private Features() {}

    public static String[] of(Document doc) {
        PorterStemmer stemmer = new PorterStemmer();
        Set<String> features = new LinkedHashSet<>();
        Map<String, Set<String>> inTitle = new HashMap<>();
        String previousTitle = null;
        for (String word : Words.of(doc.title(), 40)) {
            String stem = Words.normal(word, stemmer);
            if (stem != null) {
                features.add("t=" + stem);
                features.add("w=" + stem);
                TopicWords.match(stem, previousTitle, inTitle);
            }
            if (Words.looksLikeName(word)) {
                features.add("n=" + word.toLowerCase(Locale.ROOT));
            }
            previousTitle = stem;
        }
        List<String> words = Words.of(doc.text(), MAX_WORDS);
        Map<String, Set<String>> vocabulary = new HashMap<>();
        String previous = null;
        for (String word : words) {
            String stem = Words.normal(word, stemmer);
            if (stem != null) {
                features.add("w=" + stem);
                TopicWords.match(stem, previous, vocabulary);
            }
            if (Words.looksLikeName(word)) {
                features.add("n=" + word.toLowerCase(Locale.ROOT));
            }
            previous = stem;
        }
        vocabulary.forEach((topic, used) -> {
            features.add("x=" + topic);
            if (used.size() >= 2) {
                features.add("x2=" + topic);
            }
            if (used.size() >= 4) {
                features.add("x4=" + topic);
            }
        });
        inTitle.keySet().forEach(topic -> features.add("xt=" + topic));
        String domain = domain(doc.link());
        if (domain != null) {
            features.add("d=" + domain);
        }
        if (doc.hasMedia()) {
            features.add("m=media");
        }
        if (doc.episodeTag() != null) {
            features.add("m=episode-tag");
        }
        if (doc.hasReleaseLink()) {
            features.add("m=release-link");
        }
        if (words.size() < 60) {
            features.add("m=short");
        }
        return features.toArray(String[]::new);
    }

    /** The host of a link without {@code www.}, or null. */
    static String domain(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(link.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
