package sift.web.classifier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import sift.ingest.Ingestion;
import sift.nlp.Analyzer;
import sift.store.AuditStore;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.post.PostChanges;
import sift.store.post.PostQueries;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code /admin/classifiers}: the hype threshold, previewed on recent posts before it is saved, then applied at once
 * to every post read from then on; every version kept, an older one made active again with one click. A value
 * out of range is refused with its reason and the active one stays.
 */
public final class ClassifierRoutes {
    private final ClassifierSettingStore settings;
    private final PostQueries posts;
    private final PostChanges changes;
    private final Ingestion ingestion;
    private final AuditStore audit;
    private final Rescore rescore;
    private final Pages pages;
    private final Clock clock;

    public ClassifierRoutes(
            ClassifierSettingStore settings,
            PostQueries posts,
            PostChanges changes,
            Ingestion ingestion,
            AuditStore audit,
            Rescore rescore,
            Pages pages,
            Clock clock) {
        this.rescore = rescore;
        this.settings = settings;
        this.posts = posts;
        this.changes = changes;
        this.ingestion = ingestion;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /admin/classifiers}. */
    public void page(Context ctx) {
        render(ctx, HttpStatus.OK, null, null, null, "");
    }

    /**
     * {@code POST /admin/classifiers}: {@code action=preview} scores the newest posts with the candidate threshold
     * beside the active one; {@code action=save} makes it the active one (new posts are read with it at once).
     */
    public void change(Context ctx) {
        String given = ctx.formParam("hypeThreshold");
        int threshold;
        try {
            threshold = Integer.parseInt(given == null ? "" : given.strip());
            if (threshold < 1 || threshold > 99) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            render(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    null,
                    null,
                    given,
                    "The hype threshold is a whole number from 1 to 99, not '" + given + "'; the active threshold, "
                            + ingestion.analyzer().hypeThreshold() + ", stays.");
            return;
        }
        Analyzer candidate = ingestion.analyzer().withHypeThreshold(threshold);
        if ("save".equals(ctx.formParam("action"))) {
            Viewer viewer = Viewer.of(ctx);
            int before = ingestion.analyzer().hypeThreshold();
            settings.save(
                    ClassifierSettingStore.HYPE_THRESHOLD, String.valueOf(threshold), viewer.name(), clock.instant());
            ingestion.useAnalyzer(candidate);
            audit.record(
                    viewer.userId(),
                    viewer.name(),
                    "classifier.hype-threshold",
                    "hype threshold",
                    before + " -> " + threshold,
                    clock.instant());
            ctx.redirect("/admin/classifiers", HttpStatus.SEE_OTHER);
            return;
        }
        render(
                ctx,
                HttpStatus.OK,
                threshold,
                Preview.of(posts, changes, ingestion.analyzer(), candidate),
                String.valueOf(threshold),
                "");
    }

    /** {@code POST /admin/classifiers/{id}/activate}: makes an older version the active one again. */
    public void activate(Context ctx) {
        long id = Fields.wholeNumber("version", ctx.pathParam("id"));
        ClassifierSettingStore.Version version = settings.activate(id)
                .orElseThrow(() -> new NotFoundResponse("There is no setting version " + id + "."));
        Viewer viewer = Viewer.of(ctx);
        int before = ingestion.analyzer().hypeThreshold();
        ingestion.useAnalyzer(ingestion.analyzer().withHypeThreshold(Integer.parseInt(version.value())));
        audit.record(
                viewer.userId(),
                viewer.name(),
                "classifier.rollback",
                "hype threshold",
                before + " -> " + version.value() + " (version " + id + " of " + version.createdAt() + ")",
                clock.instant());
        ctx.redirect("/admin/classifiers", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /admin/classifiers/rescore}: re-scores the archive with the active classifiers (lexicon, model and
     * threshold), in the background.
     */
    public void rescore(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (rescore.start()) {
            audit.record(
                    viewer.userId(),
                    viewer.name(),
                    "classifier.rescore",
                    "the archive",
                    "models " + ingestion.analyzer().version() + ", hype threshold "
                            + ingestion.analyzer().hypeThreshold(),
                    clock.instant());
        }
        ctx.redirect("/admin/classifiers", HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx,
            HttpStatus status,
            Integer candidate,
            List<Preview.Change> changes,
            String typed,
            String problem) {
        ctx.status(status);
        pages.render(
                ctx,
                "admin/classifiers.jte",
                new ClassifiersPage(
                        ingestion.analyzer().hypeThreshold(),
                        candidate,
                        typed == null ? String.valueOf(ingestion.analyzer().hypeThreshold()) : typed,
                        changes,
                        Preview.POSTS,
                        settings.history(ClassifierSettingStore.HYPE_THRESHOLD),
                        problem,
                        clock.instant(),
                        rescore.progress().orElse(null)));
    }
}
