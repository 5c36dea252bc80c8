package sift.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** A visitor over plain HTTP: keeps cookies, follows no redirect, sends forms and JSON. */
public final class Visitor {
    public final HttpClient http;
    private final String base;

    public Visitor(TestApp app) {
        this(app.url(""));
    }

    /** A visitor of the Sift at {@code base} (such as {@code http://127.0.0.1:7070}), in process or not. */
    public Visitor(String base) {
        this(
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                base);
    }

    private Visitor(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** The same visitor, cookies and all, at another address (the same Sift restarted on another port). */
    public Visitor at(String base) {
        return new Visitor(http, base);
    }

    public String url(String path) {
        return base + path;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login form, then sends it. */
    public HttpResponse<String> login(String name, String password, String next) throws Exception {
        String form = get("/login" + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .body();
        var doc = Jsoup.parse(form);
        return post(
                "/login",
                Map.of(
                        "_csrf",
                        doc.select("input[name=_csrf]").val(),
                        "name",
                        name,
                        "password",
                        password,
                        "next",
                        doc.select("input[name=next]").val()));
    }

    /** POSTs JSON with the session's request token in its header, as the pages' script does. */
    public HttpResponse<String> postJson(String path, String json, String csrf) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String csrf() throws Exception {
        return Jsoup.parse(get("/search").body())
                .select("form[action=/logout] input[name=_csrf]")
                .val();
    }
}
