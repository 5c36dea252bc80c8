package sift.web.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A client of the two sync APIs as their public descriptions tell an app to call them (FreshRSS's page on its
 * Google Reader API, and Fever's API page): form-encoded bodies, {@code Authorization: GoogleLogin auth=...},
 * {@code api_key} = MD5 of {@code "name:password"}. Nothing here comes from Sift's own code.
 */
final class SyncClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    String auth;

    SyncClient(String base) {
        this.base = base;
    }

    /** A name and value of a form or query; repeated names are allowed. */
    record Param(String name, String value) {}

    static Param p(String name, Object value) {
        return new Param(name, String.valueOf(value));
    }

    static String encode(List<Param> params) {
        return params.stream()
                .map(p -> URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {@code POST accounts/ClientLogin}; keeps the {@code Auth} line when it succeeds. */
    HttpResponse<String> clientLogin(String name, String password) {
        HttpResponse<String> r =
                post("/api/greader/accounts/ClientLogin", List.of(p("Email", name), p("Passwd", password)));
        auth = r.body()
                .lines()
                .filter(line -> line.startsWith("Auth="))
                .map(line -> line.substring(5))
                .findFirst()
                .orElse(null);
        return r;
    }

    HttpResponse<String> get(String path, List<Param> query) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + encode(query))));
        if (auth != null) {
            b.header("Authorization", "GoogleLogin auth=" + auth);
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, List<Param> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (auth != null) {
            b.header("Authorization", "GoogleLogin auth=" + auth);
        }
        return send(b.build());
    }

    /** A Google Reader API call under {@code reader/api/0/}, answered 200 with JSON. */
    JsonNode api(String call, Param... query) {
        return json(get("/api/greader/reader/api/0/" + call, List.of(query)));
    }

    /** A Google Reader API write: fetches the token T first, as the apps do. */
    HttpResponse<String> write(String call, Param... form) {
        String token = get("/api/greader/reader/api/0/token", List.of()).body().strip();
        List<Param> all = new java.util.ArrayList<>(List.of(form));
        all.add(p("T", token));
        return post("/api/greader/reader/api/0/" + call, all);
    }

    /** A Fever call: {@code ?api} and the given query flags, {@code api_key} and any form fields in the body. */
    JsonNode fever(String key, String query, Param... form) {
        List<Param> body = new java.util.ArrayList<>(List.of(form));
        body.add(p("api_key", key));
        return json(post("/fever/?api" + (query.isEmpty() ? "" : "&" + query), body));
    }

    static String feverKey(String name, String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from " + r.request().uri() + ": " + r.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
