package sift.web.cli.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sift.store.post.PostDraft;

/** Feeds for the parse benchmark: synthetic blog feeds, and real captures when they are at hand. */
public final class BenchFeeds {
    private BenchFeeds() {}

    /** A realistic corpus: blog feeds (RSS 2.0 with content:encoded, Atom 1.0) of about 3 KB items with links, images, code and lists. */
    public static List<byte[]> synthetic(int feeds, int itemsPerFeed, long seed) {
        SyntheticPosts posts = new SyntheticPosts(seed, Instant.parse("2026-11-26T00:00:00Z"), 1);
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            boolean atom = f % 4 == 3;
            StringBuilder xml = new StringBuilder(
                    atom
                            ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog "
                                    + f + "</title><link href=\"https://blog" + f + ".example/\"/><id>urn:blog:" + f
                                    + "</id>"
                            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content="
                                    + "\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                                    + "<channel><title>Blog " + f + "</title><link>https://blog" + f
                                    + ".example/</link>"
                                    + "<description>Notes on networks</description><language>en</language>");
            for (int i = 0; i < itemsPerFeed; i++) {
                PostDraft post = posts.next(List.of(1L));
                String link = "https://blog" + f + ".example/" + post.guid() + "/";
                String content = decorated(post.contentHtml(), random, f);
                String date = post.publishedAt().toString();
                if (atom) {
                    xml.append("<entry><title>")
                            .append(escape(post.title()))
                            .append("</title><link href=\"")
                            .append(link)
                            .append("\"/><id>")
                            .append(link)
                            .append("</id><published>")
                            .append(date)
                            .append("</published><updated>")
                            .append(date)
                            .append("</updated><author><name>Author ")
                            .append(f)
                            .append("</name></author><category term=\"networking\"/><summary>")
                            .append(escape(post.summary()))
                            .append("</summary><content type=\"html\">")
                            .append(escape(content))
                            .append("</content></entry>");
                } else {
                    xml.append("<item><title>")
                            .append(escape(post.title()))
                            .append("</title><link>")
                            .append(link)
                            .append("</link><guid isPermaLink=\"true\">")
                            .append(link)
                            .append("</guid><pubDate>")
                            .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    post.publishedAt().atOffset(java.time.ZoneOffset.UTC)))
                            .append("</pubDate><dc:creator>Author ")
                            .append(f)
                            .append("</dc:creator><category>networking</category>")
                            .append("<description>")
                            .append(escape(post.summary()))
                            .append("</description><content:encoded><![CDATA[")
                            .append(content)
                            .append("]]></content:encoded></item>");
                }
            }
            xml.append(atom ? "</feed>" : "</channel></rss>");
            out.add(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String decorated(String html, SplittableRandom random, int feed) {
        StringBuilder out = new StringBuilder(html.length() + 600);
        out.append("<p>See <a href=\"/2025/")
                .append(random.nextInt(12) + 1)
                .append("/earlier/?utm_source=rss\">the earlier post</a> and ")
                .append("<a href=\"https://datatracker.ietf.org/doc/html/rfc")
                .append(4000 + random.nextInt(5000))
                .append("\">the RFC</a>.</p>");
        out.append(html);
        out.append("<figure><img src=\"/images/fig")
                .append(random.nextInt(100))
                .append(".png\" alt=\"topology\" width=\"640\">")
                .append("<figcaption>The lab topology</figcaption></figure>");
        out.append(
                "<pre><code class=\"language-text\">router bgp 65000\n neighbor 192.0.2.1 remote-as 65001\n</code></pre>");
        out.append("<ul><li>Check the <strong>MTU</strong></li><li>Check the timers</li></ul>");
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Extra real feeds (the shared podcast captures), when the folder is there. */
    public static List<byte[]> filesIn(Path dir) throws java.io.IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p ->
                                p.toString().endsWith(".rss") || p.toString().endsWith(".xml"))
                        .sorted()
                        .toList()) {
                    out.add(Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
