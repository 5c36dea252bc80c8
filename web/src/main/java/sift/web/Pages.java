package sift.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled JTE templates; one instance serves every request. */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** A friendly error page; the details stay in the log. */
    public void renderError(Context ctx, int status, String message) {
        StringOutput out = new StringOutput();
        engine.render("error.jte", Map.of("status", status, "message", message), out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }
}
