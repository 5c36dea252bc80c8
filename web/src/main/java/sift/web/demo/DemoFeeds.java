package sift.web.demo;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.ingest.opml.Opml;
import sift.ingest.opml.OpmlException;
import sift.store.feed.NewFeed;
import sift.store.user.DigestSettings;

/**
 * The bundled offline sample feeds of {@code --demo}, served by Sift itself on loopback so that they go
 * through the real fetch-parse-store path. Their dates are written relative to now ({@code {{rfc822 -2d3h}}},
 * {@code {{iso -45m}}}) and fixed when Sift starts, to the hour, so a restart within the hour serves the same
 * bytes; {@code {base}} becomes the address the feed was fetched from. Podcast enclosures point at
 * {@code /demo/media/*.mp3}: an hour and five minutes of silence, as long as the longest demo episode, so that the
 * player has something to play offline and every chapter and spoken claim a time to play from.
 */
public final class DemoFeeds {
    /** Where the running server serves the sample feeds. */
    public static final String FEEDS_PATH = "/demo/feeds/";

    private static final Pattern DATE = Pattern.compile("\\{\\{(rfc822|iso) -(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?}}");

    /**
     * MPEG-2 Layer III frames, 8 kbit/s, 22.05 kHz, mono, each 26 bytes long and 26 ms of sound: the smallest frames
     * every decoder plays (an hour is 3.6 MB). A frame whose side information is all zero carries no coefficients: it
     * decodes to silence.
     */
    private static final byte[] SILENCE = silence(Duration.ofMinutes(65));

    /** A demo file other than audio: its media type and text. */
    private record MediaFile(String contentType, String text) {}

    private static final Map<String, MediaFile> FILES = Map.of(
            "cover.svg",
            new MediaFile("image/svg+xml", resource("demo/cover.svg")),
            "cph112-chapters.json",
            new MediaFile("application/json+chapters", resource("demo/cph112-chapters.json")),
            "cph112-transcript.vtt",
            new MediaFile("text/vtt", resource("demo/cph112-transcript.vtt")),
            "cph111-transcript.json",
            new MediaFile("application/json", resource("demo/cph111-transcript.json")));

    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final String opml;

    private record Body(String text, String contentType, String etag) {}

    private DemoFeeds(String opml) {
        this.opml = opml;
    }

    /**
     * Loads the samples named in {@code demo/demo.opml}, their dates counted back from {@link #anchor}: the newest
     * samples fall in the newest digest whatever the hour the demo starts.
     */
    public static DemoFeeds load(Instant now) {
        Instant anchor = anchor(now);
        DemoFeeds demo = new DemoFeeds(resource("demo/demo.opml"));
        for (NewFeed feed : demo.subscriptions("http://127.0.0.1")) {
            String name = feed.url().substring(feed.url().lastIndexOf('/') + 1);
            String text = withDates(resource("demo/" + name), anchor);
            String type = name.endsWith(".json") ? "application/feed+json" : "application/xml";
            String etag = "\"" + Integer.toHexString(text.hashCode()) + "\"";
            demo.bodies.put(name, new Body(text, type + "; charset=utf-8", etag));
        }
        return demo;
    }

    /** The sample feeds as subscriptions on the server at {@code base}, e.g. {@code http://127.0.0.1:7070}. */
    public List<NewFeed> subscriptions(String base) {
        try {
            String xml = opml.replace("{base}", base);
            return Opml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "demo/demo.opml");
        } catch (OpmlException e) {
            throw new IllegalStateException("the bundled demo/demo.opml is broken: " + e.getMessage(), e);
        }
    }

    /** {@code GET /demo/feeds/{name}}, with ETag validation like a well-behaved blog. */
    public void serve(Context ctx) {
        Body body = bodies.get(ctx.pathParam("name"));
        if (body == null) {
            throw new NotFoundResponse("There is no demo feed '" + ctx.pathParam("name") + "'.");
        }
        ctx.header("ETag", body.etag());
        if (body.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        String base = "http://" + ctx.host();
        ctx.contentType(body.contentType()).result(body.text().replace("{base}", base));
    }

    /**
     * {@code GET /demo/media/{name}.mp3}: an hour of silent MPEG audio for every demo episode, in byte ranges when
     * asked; the demo podcast's artwork and the chapters and transcripts of episodes by their names ({@link #FILES}).
     */
    public void serveMedia(Context ctx) {
        MediaFile file = FILES.get(ctx.pathParam("name"));
        if (file != null) {
            ctx.header("Cache-Control", "public, max-age=86400")
                    .contentType(file.contentType())
                    .result(file.text());
            return;
        }
        if (!ctx.pathParam("name").matches("[a-z0-9-]+\\.mp3")) {
            throw new NotFoundResponse("There is no demo media '" + ctx.pathParam("name") + "'.");
        }
        // in ranges, so that the player seeks to a chapter without reading the hour before it
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.writeSeekableStream(new ByteArrayInputStream(SILENCE), "audio/mpeg", SILENCE.length);
    }

    /** Silent MPEG audio at least {@code length} long. */
    static byte[] silence(Duration length) {
        byte[] frame = new byte[26];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xF3;
        frame[2] = (byte) 0x10;
        frame[3] = (byte) 0xC0;
        int frames = (int) Math.ceil(length.toMillis() / (576 * 1000.0 / 22_050));
        byte[] all = new byte[frame.length * frames];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(frame, 0, all, i * frame.length, frame.length);
        }
        return all;
    }

    public int size() {
        return bodies.size();
    }

    /**
     * The moment sample dates count back from: the last time the digest of a reader without settings was made
     * (07:00 UTC), so that the newest digest of the demo covers its newest posts, started at 06:59 or at 23:00.
     */
    static Instant anchor(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        ZonedDateTime made =
                at.toLocalDate().atTime(DigestSettings.DEFAULT.hour(), 0).atZone(ZoneOffset.UTC);
        return (made.isAfter(at) ? made.minusDays(1) : made).toInstant();
    }

    static String withDates(String template, Instant anchor) {
        Matcher m = DATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Duration back = Duration.ofDays(number(m.group(2)))
                    .plusHours(number(m.group(3)))
                    .plusMinutes(number(m.group(4)));
            Instant at = anchor.minus(back);
            String formatted = m.group(1).equals("iso")
                    ? at.toString()
                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
            m.appendReplacement(out, Matcher.quoteReplacement(formatted));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static String resource(String name) {
        try (InputStream in = DemoFeeds.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + name + ": rebuild it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }
}
