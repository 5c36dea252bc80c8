package sift.web.classifier;

import java.util.ArrayList;
import java.util.List;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.nlp.hype.Hype;
import sift.store.post.IndexablePost;
import sift.store.post.PostChanges;
import sift.store.post.PostQueries;

/** What a change to a classifier would do before it is saved: the newest posts whose hype verdict it moves. */
public final class Preview {
    /** How many of the newest posts a preview scores with both analyzers. */
    public static final int POSTS = 200;

    private Preview() {}

    /** A post whose verdict the candidate changes: its stance and hype score now and then. */
    public record Change(long id, String title, String stanceNow, int hypeNow, String stanceThen, int hypeThen) {}

    /** The newest posts whose stance or hype score {@code candidate} gives otherwise than {@code active}. */
    static List<Change> of(PostQueries posts, PostChanges indexable, Analyzer active, Analyzer candidate) {
        List<Long> ids = posts.river(POSTS, null).stream().map(p -> p.id()).toList();
        List<Change> changes = new ArrayList<>();
        for (IndexablePost post : indexable.byIds(ids)) {
            List<Hype.Cue> said = Refresher.said(post.transcript());
            Hype now = active.hype(post.title(), post.text(), said);
            Hype then = candidate.hype(post.title(), post.text(), said);
            if (!now.stance().equals(then.stance()) || now.score() != then.score()) {
                changes.add(
                        new Change(post.id(), post.title(), now.stance(), now.score(), then.stance(), then.score()));
            }
        }
        return changes;
    }
}
