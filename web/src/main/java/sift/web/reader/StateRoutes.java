package sift.web.reader;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sift.store.post.PostQueries;
import sift.store.user.PostState;
import sift.store.user.PostStateStore;
import sift.web.auth.Auth;
import sift.web.http.Fields;
import sift.web.http.Viewer;

/**
 * A reader's state changes: read, starred, played, and where an episode was paused. The same handlers serve the
 * pages' forms (answered with a redirect back), the pages' script and the JSON API (answered with the new state).
 * {@link Auth} has made sure the request comes from a signed-in reader with a valid request token.
 */
public final class StateRoutes {
    static final int MAX_BATCH = 500;

    private final PostQueries posts;
    private final PostStateStore states;
    private final ReadMarks readMarks;
    private final Clock clock;

    public StateRoutes(PostQueries posts, PostStateStore states, ReadMarks readMarks, Clock clock) {
        this.posts = posts;
        this.states = states;
        this.readMarks = readMarks;
        this.clock = clock;
    }

    /**
     * {@code POST /posts/{id}/state} and {@code /api/posts/{id}/state}: any of {@code read}, {@code starred},
     * {@code played} (true or false) and {@code position} (seconds into the episode), as form fields or JSON.
     */
    public void change(Context ctx) {
        long userId = reader(ctx);
        long postId = postId(ctx);
        Map<String, String> fields = Fields.of(ctx);
        Boolean read = Fields.flag(fields, "read");
        Boolean starred = Fields.flag(fields, "starred");
        Boolean played = Fields.flag(fields, "played");
        Integer position = seconds(fields);
        if (read == null && starred == null && played == null && position == null) {
            throw new BadRequestResponse("Nothing to change: send read, starred, played or position.");
        }
        if (!posts.exists(postId)) {
            throw new NotFoundResponse("There is no post " + postId + ".");
        }
        Instant now = clock.instant();
        if (read != null) {
            states.setRead(userId, postId, read, now);
        }
        if (starred != null) {
            states.setStarred(userId, postId, starred, now);
        }
        if (position != null) {
            states.savePlayPosition(userId, postId, position, now);
        }
        if (played != null) {
            states.setPlayed(userId, postId, played, now);
        }
        if (wantsJson(ctx)) {
            ctx.json(json(postId, states.state(userId, postId)));
        } else {
            ctx.redirect(Auth.safeNext(fields.getOrDefault("back", "/posts/" + postId)), HttpStatus.SEE_OTHER);
        }
    }

    /**
     * {@code POST /read} and {@code /api/read}: marks many posts read at once ({@code ids}, comma-separated or
     * repeated; {@code read=false} marks them unread), as the river does for posts scrolled past.
     */
    public void changeMany(Context ctx) {
        long userId = reader(ctx);
        Map<String, String> fields = Fields.of(ctx);
        List<Long> ids = new ArrayList<>();
        for (String id : fields.getOrDefault("ids", "").split(",")) {
            if (!id.isBlank()) {
                ids.add(number("ids", id.strip()));
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw new BadRequestResponse("ids must list 1 to " + MAX_BATCH + " post ids, got " + ids.size() + ".");
        }
        Boolean read = Fields.flag(fields, "read");
        states.setRead(userId, ids, read == null || read, clock.instant());
        if (wantsJson(ctx)) {
            ctx.json(Map.of("ids", ids, "read", read == null || read));
        } else {
            ctx.redirect(Auth.safeNext(fields.getOrDefault("back", "/")), HttpStatus.SEE_OTHER);
        }
    }

    /** The state as the API shows it. */
    static Map<String, Object> json(long postId, PostState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", postId);
        out.put("read", state.read());
        out.put("starred", state.starred());
        out.put("played", state.played());
        out.put("position", state.playPositionSeconds());
        return out;
    }

    /** The reader, whose opened posts are stored first: a change must not be undone by a mark still queued. */
    private long reader(Context ctx) {
        Long userId = Viewer.of(ctx).userId();
        if (userId == null) {
            throw new IllegalStateException("Auth lets no change through without a signed-in reader");
        }
        readMarks.flush(userId);
        return userId;
    }

    static long postId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no post '" + raw + "'.");
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json"));
    }

    private static Integer seconds(Map<String, String> fields) {
        String value = fields.get("position");
        if (value == null) {
            return null;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("position must be seconds into the episode, not '" + value + "'");
        }
        if (!(seconds >= 0 && seconds < 100 * 3600)) {
            throw new BadRequestResponse("position must be 0 to 360000 seconds, not " + value);
        }
        return (int) seconds;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must list whole numbers, not '" + value + "'");
        }
    }
}
