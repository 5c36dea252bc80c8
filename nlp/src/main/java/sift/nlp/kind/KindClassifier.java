package sift.nlp.kind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import sift.nlp.corpus.Example;
import sift.nlp.embed.VectorModel;
import sift.nlp.episode.EpisodeExtractor;
import sift.nlp.model.Maxent;
import sift.nlp.release.ReleaseExtractor;
import sift.nlp.taxonomy.Kind;
import sift.nlp.text.Document;
import sift.nlp.text.Features;

/**
 * The kind of a post. Metadata decides when it can: audio or video enclosures (or an episode tag) make a
 * podcast, a link to a release tag makes a release. Then the words, where they say it plainly, in this order: a
 * headline that reports an incident or a status page's update makes an incident; a headline or show notes that
 * name an episode make a podcast; a headline or first lines that release a version make a release
 * ({@link EpisodeExtractor#announcesEpisode}, {@link ReleaseExtractor#announcesRelease}); a first sentence with
 * news (a deal, a hire, a launch announced) makes an announcement. Otherwise a
 * maximum-entropy model over the post's words and a few signals of its title and first lines (a version number,
 * release, outage and launch words) chooses among article, release, incident and announcement; when it is not
 * sure (its best kind under {@code sure}), a logistic regression over the pretrained encoder's vector of the
 * title and lead has its say, blended in with weight {@code blend}. Thread-safe.
 */
public final class KindClassifier {
    private static final String FILE = "kind.bin";
    private static final String VECTOR_FILE = "kind-vector.bin";
    /** The power that softens the words model's probabilities (tuned on the dev set). */
    static final double SOFTEN = 0.5;
    /** From this probability of its best kind, the words model decides alone (tuned on the dev set). */
    static final double SURE = 0.7;
    /** The weight of the vector model's say when the words model is not sure (tuned on the dev set). */
    static final double BLEND = 0.5;

    private static final Pattern VERSION =
            Pattern.compile("(?i)(^|\\s)v?\\d+(\\.\\d+)+([-.]?(rc|beta|alpha)\\.?\\d*)?\\b");
    private static final Pattern RELEASE_WORDS = Pattern.compile(
            "(?i)\\b(release[sd]?|is out|changelog|release notes|what's new in|now available|ships?)\\b");
    private static final Pattern INCIDENT_WORDS = Pattern.compile(
            "(?i)\\b(outages?|incidents?|post-?mortems?|root cause|disruptions?|degraded|downtime|went down|failed|failure)\\b");
    private static final Pattern ANNOUNCE_WORDS = Pattern.compile(
            "(?i)\\b(announc\\w*|introducing|launch(es|ed|ing)?|generally available|welcomes?|joins|acquires|"
                    + "partner(s|ship)?|today we)\\b");

    private static final ReleaseExtractor RELEASES = new ReleaseExtractor();
    private static final EpisodeExtractor EPISODES = new EpisodeExtractor();

    /** A title that says it reports an incident: {@code Post-mortem: ...}, {@code Incident report: ...}, {@code RFO ...}. */
    private static final Pattern INCIDENT_TITLE = Pattern.compile("(?i)^(?:\\[?(?:resolved|investigating|identified|"
            + "monitoring)\\]?\\s*[:-]|post-?mortem\\b|incident (?:report|review|summary|update)\\b|outage (?:report|"
            + "summary|update)\\b|rfo\\b|reason for outage\\b|root cause analysis\\b)");
    /** A status page's update: {@code Investigating - We are seeing ...}, {@code Resolved: ...}. */
    private static final Pattern STATUS_UPDATE = Pattern.compile("(?i)\\s*(?:investigating|identified|monitoring|"
            + "resolved|update)\\s*[:\\u2013\\u2014-]\\s+(?:we|the|this|a|an|our|some|users|customers)\\b");
    /** What news says in its first sentence, and an article does not: a deal, a hire, a launch announced. */
    private static final Pattern NEWS_FIRST =
            Pattern.compile("(?i)\\b(big news|(is|are) joining (us|forces|\\p{Lu}\\w*)|"
                    + "(has|have) (acquired|agreed to acquire)|(excited|pleased|proud|thrilled|happy) to (announce|welcome|share "
                    + "(the|some|our) news)|today,? we('re| are)? (announc|launch|introduc)\\w*)");

    private static final int FIRST_CHARS = 250;
    /** In the first lines: what a postmortem or a status update says first. */
    private static final Pattern INCIDENT_LEAD = Pattern.compile(
            "(?i)\\b(outages?|incidents?|post-?mortems?|root cause|"
                    + "disruptions?|degraded|downtime|began (experiencing|failing|returning|dropping)|were unable to|"
                    + "(was|were) (unavailable|unreachable|down)|elevated (error|latency)|errors? rates?|impacted|"
                    + "we apologi[sz]e|flapping|hijack(ed|s)?|route leaks?|servfail|(went|were|was|is) down|we broke|"
                    + "(aware|investigating) of (a|an|the) (fault|issue|problem|outage)|\\d{1,2}:\\d{2}\\s?(UTC|GMT|[A-Z]ST|CES?T))\\b");
    /** In the first lines: what news of a company, a launch or a deal says first. */
    private static final Pattern ANNOUNCE_LEAD =
            Pattern.compile("(?i)\\b(big news|heads up|(takes?|comes? into) effect|"
                    + "effective (immediately|from|on)|starting (today|on|from)|from \\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                    + "nov|dec)\\w*|sunsett?ing|deprecat\\w+|end[- ]of[- ](life|sale|support)|(now|is|are) live|live today|new "
                    + "(pops?|regions?|locations?|data cent(re|er)s?|offices?|pricing|prices)|price (change|increase)s?|(excited|pleased|proud|happy|thrilled)"
                    + " to (announce|share|welcome|introduce)|(is|are) joining|today,? we('re| are)? (announc|launch|introduc|"
                    + "releas|open)\\w*|we('re| are| have) (launching|announcing|introducing|acquired|partnering)|acquir(e|es|ed"
                    + "|ing|ition)|partnership|generally available|now available|launch(es|ed|ing)?)\\b");

    private static final int LEAD_CHARS = 400;

    private final MaxentModel model;
    private final VectorModel vectors;
    private final double soften;
    private final double sure;
    private final double blend;

    KindClassifier(MaxentModel model, VectorModel vectors, double soften, double sure, double blend) {
        this.model = model;
        this.vectors = vectors;
        this.soften = soften;
        this.sure = sure;
        this.blend = blend;
    }

    /** The same models, blended with other settings (the dev set chooses them). */
    public KindClassifier tuned(double soften, double sure, double blend) {
        return new KindClassifier(model, vectors, soften, sure, blend);
    }

    /** The kind of {@code doc}; {@code vector}, the encoder's vector of it, counts when the words leave it in doubt. */
    public Kind classify(Document doc, String[] features, float[] vector) {
        if (doc.hasMedia() || doc.episodeTag() != null) {
            return Kind.PODCAST;
        }
        if (doc.hasReleaseLink()) {
            return Kind.RELEASE;
        }
        if (INCIDENT_TITLE.matcher(doc.headline()).find()
                || STATUS_UPDATE.matcher(doc.text()).lookingAt()) {
            return Kind.INCIDENT;
        }
        if (EPISODES.announcesEpisode(doc)) {
            return Kind.PODCAST;
        }
        if (RELEASES.announcesRelease(doc)) {
            return Kind.RELEASE;
        }
        if (NEWS_FIRST.matcher(doc.headline()).find()
                || NEWS_FIRST.matcher(doc.lead(FIRST_CHARS)).find()) {
            return Kind.ANNOUNCEMENT;
        }
        double[] p = soften(model.eval(withSignals(doc, features)), soften);
        int best = argmax(p);
        if (p[best] < sure) {
            double[] q = vectors.eval(vector);
            for (int i = 0; i < p.length; i++) {
                int j = vectors.index(model.getOutcome(i));
                p[i] = (1 - blend) * p[i] + blend * (j < 0 ? 0 : q[j]);
            }
            best = argmax(p);
        }
        return Kind.byId(model.getOutcome(best)).orElse(Kind.ARTICLE);
    }

    /**
     * The words model's probabilities raised to {@code power} and normalised again: its hundreds of binary
     * features make it sure of itself (1.00 on posts it gets wrong), and a softer say blends better.
     */
    private static double[] soften(double[] p, double power) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(p[i], power);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The post's features and the title signals that tell kinds apart. */
    static String[] withSignals(Document doc, String[] features) {
        String title = doc.headline();
        List<String> signals = new ArrayList<>(6);
        if (VERSION.matcher(title).find()) {
            signals.add("k=title-version");
        }
        if (RELEASE_WORDS.matcher(title).find()) {
            signals.add("k=title-release");
        }
        if (INCIDENT_WORDS.matcher(title).find()) {
            signals.add("k=title-incident");
        }
        if (ANNOUNCE_WORDS.matcher(title).find()) {
            signals.add("k=title-announce");
        }
        String lead = doc.lead(LEAD_CHARS);
        if (INCIDENT_LEAD.matcher(lead).find()) {
            signals.add("k=lead-incident");
        }
        if (ANNOUNCE_LEAD.matcher(lead).find()) {
            signals.add("k=lead-announce");
        }
        return Stream.concat(Arrays.stream(features), signals.stream()).toArray(String[]::new);
    }

    /**
     * Trains on every example three times: with its feed's context, without it, and without its title too. Text
     * alone is a case of its own (many feeds put everything in the description), and a model that saw the
     * context only would learn the context and the title instead of the words. The vector model
     * learns from {@code vectors}, the encoder's vector of each example.
     */
    public static KindClassifier train(List<Example> examples, List<float[]> vectors) {
        List<Event> events = new ArrayList<>(3 * examples.size());
        for (Example e : examples) {
            for (Document doc :
                    List.of(e.doc(), e.textOnly().doc(), Document.of("", e.doc().text()))) {
                events.add(new Event(e.kind().id(), withSignals(doc, Features.of(doc))));
            }
        }
        VectorModel vectorModel =
                VectorModel.train(examples.stream().map(e -> e.kind().id()).toList(), vectors);
        return new KindClassifier(Maxent.train(events), vectorModel, SOFTEN, SURE, BLEND);
    }

    public void write(Path dir, Properties properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            Maxent.write(model, out);
        }
        vectors.write(dir.resolve(VECTOR_FILE));
        properties.setProperty("kind.soften", Double.toString(soften));
        properties.setProperty("kind.sure", Double.toString(sure));
        properties.setProperty("kind.blend", Double.toString(blend));
    }

    public static KindClassifier read(String dir, Properties properties) throws IOException {
        return new KindClassifier(
                Maxent.readResource(dir + "/" + FILE),
                VectorModel.read(dir + "/" + VECTOR_FILE),
                Double.parseDouble(properties.getProperty("kind.soften", Double.toString(SOFTEN))),
                Double.parseDouble(properties.getProperty("kind.sure", Double.toString(SURE))),
                Double.parseDouble(properties.getProperty("kind.blend", Double.toString(BLEND))));
    }
}
