package sift.web.http;

import java.util.LinkedHashMap;
import java.util.Map;
import sift.store.post.PostFacts;

/** An AI claim as the JSON API and the JSON feeds give it. */
public final class ClaimJson {
    private ClaimJson() {}

    /** The claim's part, span, sentence, score, stance and reasons; one said in an episode with when and by whom. */
    public static Map<String, Object> of(PostFacts.Claim c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("part", c.part());
        out.put("start", c.start());
        out.put("end", c.end());
        out.put("sentence", c.sentence());
        out.put("score", c.score());
        out.put("stance", c.stance());
        out.put("reasons", c.reasons());
        if (c.spoken()) {
            out.put("startSeconds", c.startSeconds());
            out.put("speaker", c.speaker());
        }
        return out;
    }
}
