package sift.nlp.hype;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * A post's AI claims, hype score and stance. Every sentence that speaks of AI is judged by the {@link StanceModel},
 * by its own words or, in a post about AI, by a reference to what the post is about ("It", "They", the product
 * named in the title). In a post about AI, a sentence that quotes, mocks or criticises claims is judged too,
 * but cannot be hype by itself: it speaks about claims ("one vendor promises to 'revolutionize visibility'").
 * A judged sentence is a claim when it is hype or skeptical, or when it carries an explainable feature (a
 * measured or hedged statement); a sentence that only describes an AI system is not.
 *
 * <p>An episode's transcript is judged as its text is, sentence by sentence ({@link Spoken}: joined across cues,
 * split where the speaker changes), except that "it" and "they" in talk rarely mean the product of the title: a
 * spoken sentence is about AI by its own words or by a name of the title. Each spoken claim has the time and the
 * speaker of the cue its sentence starts in.
 *
 * <p>The post's stance is the stance with the most weight over its judged sentences, written and spoken: the
 * probability of each sentence's own stance, neutral sentences and the title counting half (a press release states
 * prices and dates too; a headline is often a claim quoted to be examined). The post's hype score is the share of
 * that weight which is hype, 0-100.
 */
public final class HypeScorer {
    /** How much a neutral AI sentence, or the title, weighs against a hype or skeptical sentence of the text. */
    static final double HALF = 0.5;
    /** Sentences judged at most in a post: a claim past this point rarely changes what the post is. */
    static final int MAX_SENTENCES = 400;
    /** Sentences of a transcript judged at most: an hour of talk is about 700. */
    static final int MAX_SPOKEN_SENTENCES = 2_000;
    /** Longer "sentences" are tables, lists or code run together, not claims. */
    static final int MAX_SENTENCE_CHARS = 600;

    private static final Set<String> REFERENCES = Set.of("it", "its", "they", "their", "this", "these");

    private final StanceModel model;

    public HypeScorer(StanceModel model) {
        this.model = model;
    }

    public Hype score(String title, String text) {
        return score(title, text, List.of());
    }

    /** The verdict on a post and on what was said in it ({@code transcript}: an episode's cues, in order). */
    public Hype score(String title, String text, List<Hype.Cue> transcript) {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        Span[] spans = Sentences.of(text, MAX_SENTENCES);
        int judged = Math.min(spans.length, MAX_SENTENCES);
        Spoken spoken = Spoken.of(transcript);
        Span[] said = spoken.sentences(MAX_SPOKEN_SENTENCES, MAX_SENTENCE_CHARS);
        List<Sentence> sentences = new ArrayList<>(judged + said.length + 1);
        sentences.add(Sentence.of(
                Hype.Part.TITLE,
                title,
                title.length() - title.stripLeading().length(),
                title.stripTrailing().length(),
                null,
                model.lexicon()));
        for (int i = 0; i < judged; i++) {
            sentences.add(
                    Sentence.of(Hype.Part.TEXT, text, spans[i].getStart(), spans[i].getEnd(), null, model.lexicon()));
        }
        for (Span s : said) {
            sentences.add(Sentence.of(
                    Hype.Part.TRANSCRIPT,
                    spoken.text,
                    s.getStart(),
                    s.getEnd(),
                    spoken.cueAt(s.getStart()),
                    model.lexicon()));
        }
        if (sentences.stream().noneMatch(s -> HypeLexicon.mentionsAi(s.words()))) {
            return Hype.NONE;
        }
        Tally tally = new Tally(names(title, spoken.text.isEmpty() ? text : text + "\n" + spoken.text));
        sentences.forEach(tally::add);
        return tally.hype();
    }

    /**
     * A sentence of the post, with where it is and the hype words found in it; a spoken one with the cue it starts
     * in.
     */
    private record Sentence(
            Hype.Part part, int start, int end, String text, Hype.Cue cue, List<HypeLexicon.Match> words) {
        static Sentence of(Hype.Part part, String source, int start, int end, Hype.Cue cue, HypeLexicon lexicon) {
            String text = source.substring(start, end);
            return new Sentence(
                    part, start, end, text, cue, text.length() > MAX_SENTENCE_CHARS ? List.of() : lexicon.find(text));
        }
    }

    /**
     * The names of the title: its capitalised words that the text also capitalises inside a sentence (a product,
     * "NetPilot"), not words capitalised only because headlines are ("Switch Buffers and AI Traffic").
     */
    private static Set<String> names(String title, String text) {
        Set<String> names = new HashSet<>();
        for (String word : title.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2 && Character.isUpperCase(word.charAt(0)) && capitalisedInside(word, text)) {
                names.add(word);
            }
        }
        return names;
    }

    /** Whether the text has the word after another word, not only at the start of a sentence. */
    private static boolean capitalisedInside(String word, String text) {
        return Pattern.compile("[\\p{L}\\p{N},;:]\\s+" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                .matcher(text)
                .find();
    }

    private final class Tally {
        private final Set<String> names;
        private final List<Hype.Claim> claims = new ArrayList<>();
        private final double[] weight = new double[StanceModel.STANCES.size()];

        Tally(Set<String> names) {
            this.names = names;
        }

        void add(Sentence s) {
            if (s.text().isBlank() || s.text().length() > MAX_SENTENCE_CHARS) {
                return;
            }
            boolean aboutAi = HypeLexicon.mentionsAi(s.words()) || refersToSubject(s.text(), s.cue() == null);
            if (!aboutAi && !ClaimFeatures.aboutClaims(s.text(), s.words())) {
                return;
            }
            StanceModel.Verdict v = model.judge(s.text(), aboutAi, s.words());
            if (s.part() == Hype.Part.TITLE && v.features().isEmpty()) {
                return; // a headline without any explainable feature is a topic, not a claim
            }
            int stance = StanceModel.STANCES.indexOf(v.stance());
            boolean half = v.stance().equals("neutral") || s.part() == Hype.Part.TITLE;
            weight[stance] += v.confidence() * (half ? HALF : 1);
            if (!v.stance().equals("neutral") || !v.features().isEmpty()) {
                claims.add(new Hype.Claim(
                        s.part(),
                        s.start(),
                        s.end(),
                        s.text(),
                        v.score(),
                        v.stance(),
                        v.reasons(),
                        s.cue() == null ? null : s.cue().startMillis(),
                        s.cue() == null ? null : s.cue().speaker()));
            }
        }

        /** Whether the sentence starts with a name of the title, or ({@code pronouns}) with "It", "They"... */
        private boolean refersToSubject(String sentence, boolean pronouns) {
            String first = sentence.replaceFirst("^[^\\p{L}\\p{N}]+", "").split("[^\\p{L}\\p{N}]+", 2)[0];
            return pronouns && REFERENCES.contains(first.toLowerCase(Locale.ROOT)) || names.contains(first);
        }

        Hype hype() {
            double total = weight[0] + weight[1] + weight[2];
            if (total == 0) {
                return Hype.NONE;
            }
            int best = weight[0] > weight[1] && weight[0] >= weight[2] ? 0 : weight[2] > weight[1] ? 2 : 1;
            return new Hype((int) Math.round(100 * weight[0] / total), StanceModel.STANCES.get(best), claims);
        }
    }
}
