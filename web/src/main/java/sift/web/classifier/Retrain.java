package sift.web.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.Ingestion;
import sift.ingest.classifier.ActiveClassifiers;
import sift.nlp.hype.StanceModel;
import sift.nlp.train.Retraining;
import sift.store.AuditStore;
import sift.store.classifier.LabelStore;
import sift.store.classifier.ModelStore;
import sift.web.http.Threads;
import sift.web.http.Viewer;

/**
 * Retrains the stance model on a thread of its own, readers reading on: the bundled corpus and every claim sentence
 * admins labelled, compared with the active model on held-out data ({@link Retraining}). The new model is kept as
 * the next version either way, with the figures that decided; a promoted one is read back from its bytes (as a
 * restart would read it) and only then made the one posts are read with. A refused or failed one changes nothing
 * readers see.
 */
public final class Retrain implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retrain.class);
    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LabelStore labels;
    private final ModelStore models;
    private final Ingestion ingestion;
    private final AuditStore audit;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("sift-retrain"));

    public Retrain(LabelStore labels, ModelStore models, Ingestion ingestion, AuditStore audit, Clock clock) {
        this.labels = labels;
        this.models = models;
        this.ingestion = ingestion;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The last retraining this process ran: whether it is still going, its step, who asked and when, and at the end
     * the version it made (null when it failed, with the failure).
     */
    public record Progress(
            boolean going,
            String step,
            String userName,
            Instant started,
            Integer version,
            Boolean promoted,
            String failure) {}

    public Optional<Progress> progress() {
        return Optional.ofNullable(progress.get());
    }

    /** Starts a retraining; false when one is going already. */
    public synchronized boolean start(Viewer viewer) {
        Progress going = progress.get();
        if (going != null && going.going()) {
            return false;
        }
        progress.set(new Progress(true, "reading the labels", viewer.name(), clock.instant(), null, null, null));
        worker.execute(() -> run(viewer));
        return true;
    }

    private void run(Viewer viewer) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        try {
            List<StanceModel.Labelled> sentences = labels.sentences().stream()
                    .map(s -> new StanceModel.Labelled(s.text(), s.stance()))
                    .toList();
            Retraining.Result result = Retraining.retrain(
                    ingestion.analyzer().stanceModel(),
                    sentences,
                    Retraining.DEFAULT_TOLERANCE,
                    step -> step(viewer, started, step));
            step(viewer, started, "reading the new model back and keeping it");
            Retraining.Comparison comparison = result.comparison();
            byte[] bytes = result.model().bytes();
            StanceModel readBack = null;
            try {
                readBack =
                        StanceModel.read(bytes, "the new model", result.model().lexicon());
            } catch (IllegalArgumentException e) {
                comparison = comparison.refused(e.getMessage());
            }
            ModelStore.Version version = models.add(
                    ModelStore.HYPE,
                    bytes,
                    comparison.examples(),
                    comparison.labels(),
                    JSON.writeValueAsString(comparison),
                    viewer.name(),
                    comparison.promoted(),
                    clock.instant());
            if (comparison.promoted()) {
                ingestion.useAnalyzer(
                        ingestion.analyzer().withStanceModel(readBack, ActiveClassifiers.modelName(version)));
            }
            audit.record(
                    viewer.userId(),
                    viewer.name(),
                    "classifier.retrain",
                    "version " + version.version() + " of the stance model",
                    verdict(comparison),
                    clock.instant());
            log.info(
                    "Retrained the stance model on {} sentences ({} admins' labels) in {} ms: version {} {}",
                    comparison.examples(),
                    comparison.labels(),
                    (System.nanoTime() - startedNanos) / 1_000_000,
                    version.version(),
                    verdict(comparison));
            progress.set(new Progress(
                    false, "done", viewer.name(), started, version.version(), comparison.promoted(), null));
        } catch (RuntimeException | JsonProcessingException e) {
            log.error("Retraining the stance model failed ({}); the active model stays", e.getMessage(), e);
            progress.set(new Progress(false, "failed", viewer.name(), started, null, null, e.getMessage()));
        }
    }

    private void step(Viewer viewer, Instant started, String step) {
        progress.set(new Progress(true, step, viewer.name(), started, null, null, null));
    }

    /** The decision in words: promoted with its figures, or refused with every figure that fell. */
    static String verdict(Retraining.Comparison c) {
        return c.promoted() ? "promoted: " + figures(c) : "refused: " + String.join("; ", c.regressions());
    }

    /** The held-out hype F1 and macro-F1 on sentences, before and after. */
    static String figures(Retraining.Comparison c) {
        return String.format(
                java.util.Locale.ROOT,
                "hype F1 %.3f -> %.3f, macro-F1 %.3f -> %.3f",
                c.active().sentences().of("hype").f1(),
                c.candidate().sentences().of("hype").f1(),
                c.active().sentences().macroF1(),
                c.candidate().sentences().macroF1());
    }

    /** The comparison kept with a version, or empty when it cannot be read. */
    static Optional<Retraining.Comparison> comparison(ModelStore.Version version) {
        try {
            Retraining.Comparison c = JSON.readValue(version.metrics(), Retraining.Comparison.class);
            if (c == null || c.active() == null || c.candidate() == null || c.regressions() == null) {
                log.warn(
                        "The metrics of version {} of the stance model are incomplete: {}",
                        version.version(),
                        version.metrics().length() > 200
                                ? version.metrics().substring(0, 200) + "..."
                                : version.metrics());
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (JsonProcessingException e) {
            log.warn(
                    "The metrics of version {} of the stance model cannot be read: {}",
                    version.version(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        Threads.stop(worker, "Retraining the stance model");
    }
}
