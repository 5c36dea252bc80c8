package sift.web.classifier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import sift.ingest.Ingestion;
import sift.ingest.classifier.ActiveClassifiers;
import sift.nlp.Analyzer;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.train.Retraining;
import sift.store.AuditStore;
import sift.store.classifier.LabelStore;
import sift.store.classifier.ModelStore;
import sift.web.http.BadInput;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code /admin/classifiers/models}: retrain the stance model with admins' labels in the background and see its
 * progress, each version's evaluation against the model that was active (per stance precision, recall, F1 and the
 * confusion table), why a version was refused, and roll back to any promoted version or to the model Sift was built
 * with. A version is read back from its bytes, and refused with the reason if it cannot be, before it is made active.
 */
public final class ModelRoutes {
    private final ModelStore models;
    private final LabelStore labels;
    private final Ingestion ingestion;
    private final Retrain retrain;
    private final AuditStore audit;
    private final Pages pages;
    private final Clock clock;

    public ModelRoutes(
            ModelStore models,
            LabelStore labels,
            Ingestion ingestion,
            Retrain retrain,
            AuditStore audit,
            Pages pages,
            Clock clock) {
        this.models = models;
        this.labels = labels;
        this.ingestion = ingestion;
        this.retrain = retrain;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** A version and the evaluation that decided it (null when its metrics cannot be read). */
    public record Row(ModelStore.Version version, Retraining.Comparison comparison) {}

    /** {@code GET /admin/classifiers/models}. */
    public void page(Context ctx) {
        render(ctx, HttpStatus.OK, "");
    }

    /** {@code POST /admin/classifiers/models/retrain}: starts a retraining, unless one is going. */
    public void retrain(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (retrain.start(viewer)) {
            audit.record(
                    viewer.userId(),
                    viewer.name(),
                    "classifier.retrain.start",
                    "the stance model",
                    labels.sentences().size() + " labelled sentences",
                    clock.instant());
        }
        ctx.redirect("/admin/classifiers/models", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/classifiers/models/{id}/activate}: a promoted version again, read back first. */
    public void activate(Context ctx) {
        long id = Fields.wholeNumber("version", ctx.pathParam("id"));
        ModelStore.Version version = models.history(ModelStore.HYPE).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("There is no version " + id + " of the stance model."));
        Analyzer next;
        try {
            if (!version.promoted()) {
                throw new BadInput("version " + version.version() + " was refused at its evaluation");
            }
            next = ActiveClassifiers.withModel(
                    ingestion.analyzer(), version, models.bytes(id).orElse(null));
        } catch (BadInput | IllegalArgumentException e) { // refused here, or by the model read back
            render(ctx, HttpStatus.BAD_REQUEST, "Refused: " + e.getMessage() + ". The active model stays.");
            return;
        }
        models.activate(id, clock.instant());
        rollBack(ctx, next, "version " + version.version() + " of the stance model");
    }

    /** {@code POST /admin/classifiers/models/built}: the model Sift was built with again. */
    public void useBuilt(Context ctx) {
        models.useBuilt(ModelStore.HYPE);
        Analyzer active = ingestion.analyzer();
        rollBack(ctx, active.withStanceModel(ingestion.built().stanceModel(), null), "the built stance model");
    }

    private void rollBack(Context ctx, Analyzer next, String target) {
        Viewer viewer = Viewer.of(ctx);
        String before = ingestion.analyzer().version();
        ingestion.useAnalyzer(next);
        audit.record(
                viewer.userId(),
                viewer.name(),
                "classifier.rollback",
                target,
                before + " -> " + next.version(),
                clock.instant());
        ctx.redirect("/admin/classifiers/models", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String problem) {
        List<LabelStore.Sentence> sentences = labels.sentences();
        Map<String, Long> byStance = new TreeMap<>();
        sentences.forEach(s -> byStance.merge(s.stance(), 1L, Long::sum));
        List<Row> rows = models.history(ModelStore.HYPE).stream()
                .map(v -> new Row(v, Retrain.comparison(v).orElse(null)))
                .toList();
        ctx.status(status);
        pages.render(
                ctx,
                "admin/models.jte",
                new ModelsPage(
                        rows,
                        sentences.size(),
                        byStance.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")),
                        StanceCorpus.bundled(StanceCorpus.TRAIN).size(),
                        Retraining.DEFAULT_TOLERANCE,
                        retrain.progress().orElse(null),
                        ingestion.analyzer().version(),
                        problem,
                        clock.instant()));
    }
}
