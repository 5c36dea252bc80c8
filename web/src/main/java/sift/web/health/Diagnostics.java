package sift.web.health;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import sift.web.http.Viewer;

/**
 * Who may read Sift's details ({@code /health} beyond its status, {@code /metrics}): a signed-in admin, or a
 * monitoring system that sends {@code Authorization: Bearer} with {@code SIFT_DIAGNOSTICS_TOKEN}. The details
 * name the database and count what is stored, which strangers need not know, even on a public reader.
 */
public final class Diagnostics {
    private final byte[] token;

    /** @param token the monitoring systems' secret, or null: admins only */
    public Diagnostics(String token) {
        this.token = token == null ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    public boolean allowed(Context ctx) {
        if (Viewer.of(ctx).admin()) {
            return true;
        }
        String authorization = ctx.header("Authorization");
        return token != null
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(
                        token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses with 401 unless {@link #allowed}. */
    public void require(Context ctx) {
        if (!allowed(ctx)) {
            throw new UnauthorizedResponse("Sift's metrics are for admins (sign in) and monitoring systems (send "
                    + "'Authorization: Bearer' with SIFT_DIAGNOSTICS_TOKEN).");
        }
    }
}
