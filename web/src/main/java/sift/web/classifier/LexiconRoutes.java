package sift.web.classifier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sift.ingest.Ingestion;
import sift.ingest.classifier.ActiveClassifiers;
import sift.nlp.Analyzer;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.train.Retraining;
import sift.store.AuditStore;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.post.PostChanges;
import sift.store.post.PostQueries;
import sift.web.http.BadInput;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code /admin/classifiers/lexicon}: the hype lexicon (its lists, their phrases and weights) and the AI-term list,
 * edited in the browser. A change is checked first ({@link HypeLexicon#parse}: a bad one is refused with what is
 * wrong and where, and the active lexicon stays), then evaluated on the held-out data beside the active lexicon
 * by the rules a retrained model meets ({@link Retraining#compare}: one that does worse is refused with each figure
 * that fell), can be previewed on the newest posts, and applies at once when saved; every version is kept and an
 * older one, or the one Sift was built with, comes back with one click (checked again, not evaluated again: a
 * roll-back is always possible).
 */
public final class LexiconRoutes {
    private static final String FORM = "the lexicon";

    private final ClassifierSettingStore settings;
    private final PostQueries posts;
    private final PostChanges changes;
    private final Ingestion ingestion;
    private final AuditStore audit;
    private final Pages pages;
    private final Clock clock;

    public LexiconRoutes(
            ClassifierSettingStore settings,
            PostQueries posts,
            PostChanges changes,
            Ingestion ingestion,
            AuditStore audit,
            Pages pages,
            Clock clock) {
        this.settings = settings;
        this.posts = posts;
        this.changes = changes;
        this.ingestion = ingestion;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** A list of the lexicon as the page sums it up (the AI terms have no weight: they are not a feature). */
    public record ListRow(String name, String weight, int phrases) {}

    /** {@code GET /admin/classifiers/lexicon}. */
    public void page(Context ctx) {
        render(ctx, HttpStatus.OK, LexiconForm.of(active().text()), null, List.of(), null, "");
    }

    /**
     * {@code POST /admin/classifiers/lexicon}: {@code action=preview} evaluates the edited lexicon on the held-out
     * data and scores the newest posts with it, beside the active one; {@code action=save} makes it the active one
     * when it does no worse.
     */
    public void change(Context ctx) {
        LexiconForm form = new LexiconForm(ctx.formParam("aiTerms"), ctx.formParam("lists"));
        HypeLexicon candidate;
        try {
            candidate = HypeLexicon.parse(form.text(), FORM);
        } catch (BadInput | IllegalArgumentException e) { // the form's checks, then the lexicon parser's
            render(ctx, HttpStatus.BAD_REQUEST, form, null, List.of(), null, refusal(e.getMessage()));
            return;
        }
        HypeLexicon before = active();
        Analyzer analyzer = ingestion.analyzer();
        Retraining.Comparison evaluation = Retraining.compare(
                analyzer.stanceModel(), analyzer.stanceModel().withLexicon(candidate), Retraining.DEFAULT_TOLERANCE);
        if ("save".equals(ctx.formParam("action"))) {
            if (!evaluation.promoted()) {
                render(
                        ctx,
                        HttpStatus.BAD_REQUEST,
                        form,
                        null,
                        differences(before, candidate),
                        evaluation,
                        refusal("with it the scorer does worse on the held-out data: "
                                + String.join("; ", evaluation.regressions())));
                return;
            }
            Viewer viewer = Viewer.of(ctx);
            ClassifierSettingStore.Version saved = settings.save(
                    ClassifierSettingStore.HYPE_LEXICON, candidate.text(), viewer.name(), clock.instant());
            ingestion.useAnalyzer(ingestion.analyzer().withLexicon(candidate));
            audit.record(
                    viewer.userId(),
                    viewer.name(),
                    "classifier.lexicon",
                    ActiveClassifiers.lexiconName(saved.id()),
                    String.join("; ", differences(before, candidate)) + "; " + Retrain.figures(evaluation),
                    clock.instant());
            ctx.redirect("/admin/classifiers/lexicon", HttpStatus.SEE_OTHER);
            return;
        }
        render(
                ctx,
                HttpStatus.OK,
                form,
                Preview.of(posts, changes, analyzer, analyzer.withLexicon(candidate)),
                differences(before, candidate),
                evaluation,
                "");
    }

    /** {@code POST /admin/classifiers/lexicon/{id}/activate}: an older version again, checked again first. */
    public void activate(Context ctx) {
        long id = Fields.wholeNumber("version", ctx.pathParam("id"));
        ClassifierSettingStore.Version version = settings.history(ClassifierSettingStore.HYPE_LEXICON).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("There is no lexicon version " + id + "."));
        HypeLexicon lexicon;
        try {
            lexicon = HypeLexicon.parse(version.value(), ActiveClassifiers.lexiconName(id));
        } catch (IllegalArgumentException e) {
            render(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    LexiconForm.of(active().text()),
                    null,
                    List.of(),
                    null,
                    refusal(e.getMessage()));
            return;
        }
        HypeLexicon before = active();
        settings.activate(id);
        rollBack(ctx, lexicon, ActiveClassifiers.lexiconName(id), before);
    }

    /** {@code POST /admin/classifiers/lexicon/built}: the lexicon Sift was built with again. */
    public void useBuilt(Context ctx) {
        HypeLexicon before = active();
        settings.useBuilt(ClassifierSettingStore.HYPE_LEXICON);
        rollBack(ctx, HypeLexicon.bundled(), "the built lexicon", before);
    }

    private void rollBack(Context ctx, HypeLexicon lexicon, String target, HypeLexicon before) {
        Viewer viewer = Viewer.of(ctx);
        ingestion.useAnalyzer(ingestion.analyzer().withLexicon(lexicon));
        audit.record(
                viewer.userId(),
                viewer.name(),
                "classifier.rollback",
                target,
                String.join("; ", differences(before, lexicon)),
                clock.instant());
        ctx.redirect("/admin/classifiers/lexicon", HttpStatus.SEE_OTHER);
    }

    private HypeLexicon active() {
        return ingestion.analyzer().stanceModel().lexicon();
    }

    private String refusal(String problem) {
        return "Refused: " + problem + (problem.endsWith(".") ? "" : ".") + " The active lexicon stays.";
    }

    /** What changed from one lexicon to another, list by list: phrases added or removed, weights. */
    static List<String> differences(HypeLexicon before, HypeLexicon after) {
        Set<String> names = new LinkedHashSet<>(before.lists().keySet());
        names.addAll(after.lists().keySet());
        List<String> changes = new ArrayList<>();
        for (String name : names) {
            Integer was = before.lists().get(name);
            Integer is = after.lists().get(name);
            if (was == null) {
                changes.add(
                        "new list '" + name + "' (" + is + " phrases; the stance model gives it a say once retrained)");
            } else if (is == null) {
                changes.add("list '" + name + "' removed");
            } else {
                if (!was.equals(is)) {
                    changes.add("'" + name + "' " + was + " -> " + is + " phrases");
                }
                if (before.weight(name) != after.weight(name)) {
                    changes.add("'" + name + "' weight " + weight(before.weight(name)) + " -> "
                            + weight(after.weight(name)));
                }
            }
        }
        if (changes.isEmpty() && !before.text().equals(after.text())) {
            changes.add("phrases changed, as many as before");
        }
        return changes.isEmpty() ? List.of("no change") : changes;
    }

    private static String weight(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    private void render(
            Context ctx,
            HttpStatus status,
            LexiconForm form,
            List<Preview.Change> changes,
            List<String> differences,
            Retraining.Comparison evaluation,
            String problem) {
        HypeLexicon active = active();
        ctx.status(status);
        pages.render(
                ctx,
                "admin/lexicon.jte",
                new LexiconPage(
                        active.lists().entrySet().stream()
                                .map(e -> new ListRow(
                                        e.getKey(),
                                        e.getKey().equals(HypeLexicon.AI) ? "-" : weight(active.weight(e.getKey())),
                                        e.getValue()))
                                .toList(),
                        form,
                        changes,
                        differences,
                        evaluation,
                        Preview.POSTS,
                        settings.history(ClassifierSettingStore.HYPE_LEXICON),
                        problem,
                        clock.instant()));
    }
}
