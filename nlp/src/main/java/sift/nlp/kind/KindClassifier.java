package sift.nlp.kind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import sift.nlp.Document;
import sift.nlp.Kind;
import sift.nlp.corpus.Example;
import sift.nlp.model.Maxent;
import sift.nlp.text.Features;

/**
 * The kind of a post. Metadata decides when it can: audio or video enclosures (or an episode tag) make a
 * podcast, a link to a release tag makes a release. Otherwise a maximum-entropy model over the post's words and
 * a few title signals (a version number, outage words, launch words) chooses among article, release, incident
 * and announcement. Thread-safe.
 */
public final class KindClassifier {
    private static final String FILE = "kind.bin";
    private static final Pattern VERSION = Pattern.compile("(?i)(^|\\s)v?\\d+(\\.\\d+)+([-.]?(rc|beta|alpha)\\.?\\d*)?\\b");
    private static final Pattern RELEASE_WORDS = Pattern.compile(
            "(?i)\\b(release[sd]?|is out|changelog|release notes|what's new in|now available|ships?)\\b");
    private static final Pattern INCIDENT_WORDS = Pattern.compile(
            "(?i)\\b(outages?|incidents?|post-?mortems?|root cause|disruptions?|degraded|downtime|went down|failed|failure)\\b");
    private static final Pattern ANNOUNCE_WORDS = Pattern.compile(
            "(?i)\\b(announc\\w*|introducing|launch(es|ed|ing)?|generally available|welcomes?|joins|acquires|"
                    + "partner(s|ship)?|today we)\\b");

    private final MaxentModel model;

    KindClassifier(MaxentModel model) {
        this.model = model;
    }

    public Kind classify(Document doc, String[] features) {
        if (doc.hasMedia() || doc.episodeTag() != null) {
            return Kind.PODCAST;
        }
        if (doc.hasReleaseLink()) {
            return Kind.RELEASE;
        }
        String best = model.getBestOutcome(model.eval(withSignals(doc, features)));
        return Kind.byId(best).orElse(Kind.ARTICLE);
    }

    /** The post's features and the title signals that tell kinds apart. */
    static String[] withSignals(Document doc, String[] features) {
        String title = doc.title();
        List<String> signals = new ArrayList<>(4);
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
        return Stream.concat(Arrays.stream(features), signals.stream()).toArray(String[]::new);
    }

    public static KindClassifier train(List<Example> examples) {
        List<Event> events = new ArrayList<>(examples.size());
        for (Example e : examples) {
            events.add(new Event(e.kind().id(), withSignals(e.doc(), Features.of(e.doc()))));
        }
        return new KindClassifier(Maxent.train(events));
    }

    public void write(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            Maxent.write(model, out);
        }
    }

    public static KindClassifier read(String dir) throws IOException {
        return new KindClassifier(Maxent.readResource(dir + "/" + FILE));
    }
}
