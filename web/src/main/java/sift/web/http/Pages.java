package sift.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the precompiled JTE templates; one instance serves every request. */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a page whose template takes {@code page} (the model) and {@code viewer}. */
    public void render(Context ctx, String template, Object model) {
        render(ctx, template, Map.of("page", model));
    }

    /** Renders a template with these parameters and {@code viewer}, who is looking. */
    private void render(Context ctx, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("viewer", Viewer.of(ctx));
        // UTF-8 bytes from the start: the templates' static parts are stored encoded (binaryStaticContent)
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, all, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
    }

    /** A template rendered to a string, for what is not a page of a request (e-mails, printed digests, feed entries). */
    public String html(String template, Map<String, Object> params) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    /** A friendly error page; the details stay in the log. */
    public void renderError(Context ctx, int status, String message) {
        ctx.status(status);
        render(ctx, "error.jte", Map.of("status", status, "message", message));
    }
}
