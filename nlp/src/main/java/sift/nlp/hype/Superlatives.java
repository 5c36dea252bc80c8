package sift.nlp.hype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Superlatives from part-of-speech tags (OpenNLP's English UD model, from Maven): an adjective or adverb in the
 * superlative form ({@code fastest}, {@code best}), or {@code most}/{@code least} before an adjective
 * ({@code most powerful}). The tagger loads on first use and runs only on sentences that make an AI claim.
 */
final class Superlatives {
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final Set<String> IRREGULAR = Set.of("best", "worst", "least", "most");
    private static final Set<String> NOT_SUPERLATIVE = Set.of(
            "interest",
            "honest",
            "modest",
            "earnest",
            "west",
            "east",
            "rest",
            "test",
            "latest",
            "manifest",
            "forest",
            "request",
            "guest",
            "quest",
            "chest",
            "protest",
            "contest",
            "suggest",
            "harvest",
            "invest",
            "digest",
            "nest",
            "pest",
            "vest",
            "zest",
            "lest",
            "arrest");

    private Superlatives() {}

    /** Holds the tagger: loaded by the first sentence that needs it. */
    private static final class Tagger {
        static final ThreadSafePOSTaggerME INSTANCE =
                new ThreadSafePOSTaggerME(PretrainedModel.<POSModel>read(MODEL, "part-of-speech model", POSModel::new));
    }

    /**
     * The superlatives of the sentence, as matches of the feature {@code superlative}. The tagger runs only
     * when a word could be one (it ends in -est, or is best, worst, most or least).
     */
    static List<HypeLexicon.Match> find(String sentence) {
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(sentence);
        String[] tokens = Span.spansToStrings(spans, sentence);
        if (Arrays.stream(tokens).noneMatch(Superlatives::candidate)) {
            return List.of();
        }
        String[] tags = Tagger.INSTANCE.tag(tokens);
        List<HypeLexicon.Match> found = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String word = tokens[i].toLowerCase(Locale.ROOT);
            boolean adjective = tags[i].equals("ADJ") || tags[i].equals("ADV");
            if ((word.equals("most") || word.equals("least")) && i + 1 < tokens.length && tags[i + 1].equals("ADJ")) {
                found.add(new HypeLexicon.Match(
                        "superlative",
                        sentence.substring(spans[i].getStart(), spans[i + 1].getEnd()),
                        spans[i].getStart(),
                        spans[i + 1].getEnd()));
                i++;
            } else if (adjective && candidate(word) && !word.equals("most") && !word.equals("least")) {
                found.add(new HypeLexicon.Match("superlative", tokens[i], spans[i].getStart(), spans[i].getEnd()));
            }
        }
        return found;
    }

    /** Whether a word has the form of a superlative. */
    private static boolean candidate(String token) {
        String word = token.toLowerCase(Locale.ROOT);
        return IRREGULAR.contains(word) || word.length() > 5 && word.endsWith("est") && !NOT_SUPERLATIVE.contains(word);
    }
}
