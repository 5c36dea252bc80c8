package sift.web.classifier;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import sift.store.AuditStore;
import sift.store.classifier.LabelStore;
import sift.store.post.IndexablePost;
import sift.store.post.Post;
import sift.store.post.PostChanges;
import sift.store.post.PostFacts;
import sift.store.post.PostQueries;
import sift.store.post.RiverFilter;
import sift.web.http.Fields;
import sift.web.http.Viewer;

/**
 * {@code POST /admin/labels}: an admin labels, from the post page, a post's stance, kind or topics, or the stance
 * of one of its claims ({@code what} = stance, kind, topics or claim, the claim named by its sentence). The text labelled is taken from the
 * stored post, never from the form. Admins only ({@code Auth.requireAdmin}); recorded in the audit log.
 */
public final class LabelRoutes {
    private final PostQueries posts;
    private final PostChanges changes;
    private final LabelStore labels;
    private final AuditStore audit;
    private final Clock clock;

    public LabelRoutes(PostQueries posts, PostChanges changes, LabelStore labels, AuditStore audit, Clock clock) {
        this.posts = posts;
        this.changes = changes;
        this.labels = labels;
        this.audit = audit;
        this.clock = clock;
    }

    public void label(Context ctx) {
        long id = Fields.wholeNumber("post", ctx.formParam("post"));
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
        IndexablePost words = changes.byIds(List.of(id)).get(0);
        String postText = words.title() + "\n" + words.text();
        String what = ctx.formParam("what") == null ? "" : ctx.formParam("what");
        Viewer viewer = Viewer.of(ctx);
        switch (what) {
            case "stance" ->
                save(
                        viewer,
                        id,
                        "stance",
                        List.of(one(ctx, "label", RiverFilter.STANCES)),
                        postText,
                        false,
                        "post stance");
            case "kind" ->
                save(viewer, id, "kind", List.of(one(ctx, "label", RiverFilter.KINDS)), postText, false, "kind");
            case "topics" -> {
                List<String> topics = ctx.formParams("topic");
                if (topics.isEmpty() || !RiverFilter.TOPICS.containsAll(topics)) {
                    throw new BadRequestResponse(
                            "Topics are one or more of " + RiverFilter.TOPICS + ", not " + topics + ".");
                }
                save(viewer, id, "topic", topics, postText, false, "topics");
            }
            case "claim" -> {
                // the claim is named by its sentence, which must be one of the post's own
                String sentence = ctx.formParam("sentence");
                PostFacts.Claim claim = post.facts().claims().stream()
                        .filter(c -> c.sentence().equals(sentence))
                        .findFirst()
                        .orElseThrow(() -> new BadRequestResponse("Post " + id + " has no such claim."));
                save(
                        viewer,
                        id,
                        "stance",
                        List.of(one(ctx, "label", RiverFilter.STANCES)),
                        claim.sentence(),
                        true,
                        "claim stance");
            }
            default ->
                throw new BadRequestResponse(
                        "A label is of the post's stance, kind or topics, or of a claim; not '" + what + "'.");
        }
        ctx.redirect("/posts/" + id + "#labels", HttpStatus.SEE_OTHER);
    }

    private void save(
            Viewer viewer,
            long postId,
            String target,
            List<String> values,
            String text,
            boolean sentence,
            String about) {
        labels.add(postId, target, values, text, sentence, viewer.userId(), clock.instant());
        audit.record(
                viewer.userId(),
                viewer.name(),
                "label.add",
                "post " + postId,
                about + ": " + String.join(", ", values),
                clock.instant());
    }

    private static String one(Context ctx, String name, java.util.Set<String> allowed) {
        String value = ctx.formParam(name);
        if (value == null || !allowed.contains(value)) {
            throw new BadRequestResponse(name + " must be one of " + allowed + ", not '" + value + "'.");
        }
        return value;
    }
}
