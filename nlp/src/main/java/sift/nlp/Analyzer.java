package sift.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import sift.nlp.embed.Encoder;
import sift.nlp.episode.EpisodeExtractor;
import sift.nlp.hype.Hype;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.HypeScorer;
import sift.nlp.hype.StanceModel;
import sift.nlp.kind.KindClassifier;
import sift.nlp.release.ReleaseExtractor;
import sift.nlp.taxonomy.Kind;
import sift.nlp.text.Document;
import sift.nlp.text.English;
import sift.nlp.text.Features;
import sift.nlp.topic.TopicModel;

/**
 * Text in, facts out, with the models trained at build time from the bundled corpus ({@code sift.nlp.train}).
 * Pure and thread-safe: one instance serves every ingest worker.
 */
public final class Analyzer {
    public static final String MODELS = "/sift/nlp/models";

    private final TopicModel topics;
    private final KindClassifier kinds;
    private final StanceModel stances;
    private final HypeScorer hype;
    private final ReleaseExtractor releases = new ReleaseExtractor();
    private final EpisodeExtractor episodes = new EpisodeExtractor();
    private final String version;

    public Analyzer(TopicModel topics, KindClassifier kinds, StanceModel stances, String version) {
        this.topics = topics;
        this.kinds = kinds;
        this.stances = stances;
        this.hype = new HypeScorer(stances);
        this.version = version;
    }

    /** The bundled models. */
    public Analyzer() {
        Properties properties = new Properties();
        try (InputStream in = Analyzer.class.getResourceAsStream(MODELS + "/models.properties")) {
            if (in == null) {
                throw new IllegalStateException("the models are not on the classpath (" + MODELS
                        + "/models.properties): the nlp module trains them when it is built");
            }
            properties.load(in);
            this.topics = TopicModel.read(MODELS, properties);
            this.kinds = KindClassifier.read(MODELS, properties);
            this.stances = StanceModel.read(MODELS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled models from " + MODELS, e);
        }
        this.hype = new HypeScorer(stances);
        this.version = properties.getProperty("version", "unknown");
    }

    /**
     * The same models, calling an AI claim hype from another hype score (1-99; configuration, {@code
     * SIFT_HYPE_THRESHOLD}).
     */
    public Analyzer withHypeThreshold(int score) {
        if (score < 1 || score > 99) {
            throw new IllegalArgumentException("the hype threshold is a score from 1 to 99, not " + score);
        }
        return new Analyzer(topics, kinds, stances.withThreshold(score / 100.0), version);
    }

    /** The same models finding the explainable features of AI claims with another lexicon (an admin's edit). */
    public Analyzer withLexicon(HypeLexicon lexicon) {
        return new Analyzer(topics, kinds, stances.withLexicon(lexicon), version);
    }

    /**
     * Another stance model (one retrained from admins' labels), judging with this analyzer's lexicon and hype
     * threshold; {@code name} says which, after the bundled models' version (null: the bundled stance model).
     */
    public Analyzer withStanceModel(StanceModel model, String name) {
        return new Analyzer(
                topics,
                kinds,
                model.withLexicon(stances.lexicon()).withThreshold(stances.threshold()),
                version.replaceFirst("\\+.*", "") + (name == null ? "" : "+" + name));
    }

    /** The stance model of AI claims, with the lexicon and threshold it judges with. */
    public StanceModel stanceModel() {
        return stances;
    }

    /** The hype score (1-99) from which an AI claim is called hype. */
    public int hypeThreshold() {
        return (int) Math.round(stances.threshold() * 100);
    }

    /**
     * The version of the models: a digest of the corpus and the training settings they were made from, and after a
     * {@code +} the stance model's name when it is not the bundled one.
     */
    public String version() {
        return version;
    }

    /** The hype verdict alone, as {@link #analyze} finds it: cheap enough to compare two thresholds on many posts. */
    public Hype hype(String title, String text) {
        return hype(title, text, List.of());
    }

    /**
     * The hype verdict on a post and what was said in it (an episode's transcript, in order; empty for none). The
     * models read English: show notes in another language are left out, and so is a transcript whose first
     * thousand characters are not English.
     */
    public Hype hype(String title, String text, List<Hype.Cue> transcript) {
        boolean written = English.is(title, text);
        List<Hype.Cue> said = englishOnly(transcript);
        if (!written && said.isEmpty()) {
            return Hype.NONE;
        }
        return written ? hype.score(title, text, said) : hype.score("", "", said);
    }

    private static List<Hype.Cue> englishOnly(List<Hype.Cue> transcript) {
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < transcript.size() && start.length() < 1_000; i++) {
            start.append(transcript.get(i).text()).append('\n');
        }
        return start.isEmpty() || English.is("", start.toString()) ? transcript : List.of();
    }

    /** Everything Sift finds out about a post; the encoder's vector is made for every post (stories need it). */
    public Analysis analyze(Document document) {
        return analyze(document, List.of());
    }

    /**
     * Everything Sift finds out about a post and, for an episode, about what was said in it ({@code transcript}: the
     * episode's cues in order, empty when it has none).
     */
    public Analysis analyze(Document document, List<Hype.Cue> transcript) {
        String[] features = Features.of(document);
        float[] vector = Encoder.shared().encode(document.title(), document.text());
        Kind kind = kinds.classify(document, features, vector);
        boolean english = English.is(document.title(), document.text());
        return new Analysis(
                kind,
                english ? topics.topics(features, vector) : List.of(),
                hype(document.title(), document.text(), transcript),
                kind == Kind.RELEASE ? releases.extract(document) : null,
                kind == Kind.PODCAST ? episodes.extract(document) : null,
                vector);
    }
}
