package sift.nlp.release;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.nlp.Document;

/**
 * Product and version of a release post, in the forms release titles take ({@code netlab release 25.11},
 * {@code FRRouting 10.2.1 is out}, {@code v3.4.0}, {@code release 2025.11.1}, {@code Announcing Kea 3.0},
 * {@code What's new in Containerlab 0.62}); when the title gives only a version, the product comes from a
 * GitHub-style release link, else the feed's title. Its highlights are the runs of short lines (list items),
 * and it announces breaking changes when the text says so. Only a post already judged a release is read:
 * a post that merely mentions a version is no release. Thread-safe.
 */
public final class ReleaseExtractor {
    static final String VERSION =
            "v?(\\d+(?:\\.\\d+){1,3}(?:[-.]?(?:rc|beta|alpha|b|a)\\.?\\d*)?|\\d{4}\\.\\d{1,2}(?:\\.\\d+)?|20\\d{4})";
    private static final String NAME = "([A-Za-z][\\w+./-]*(?:\\s+(?!(?i:release|version)\\b)[A-Za-z0-9][\\w+./-]*){0,4})";
    private static final Pattern[] TITLES = {
        Pattern.compile("(?i)^(?:announcing|introducing|releasing|what'?s new in|welcome)\\s+" + NAME
                + "\\s+(?:version\\s+|release\\s+)?" + VERSION + "\\b"),
        Pattern.compile("^" + NAME + "\\s+(?:(?i)release|version|v(?=\\d))?\\s*" + VERSION + "\\b"),
        Pattern.compile("(?i)^(?:release|version)\\s+" + VERSION + "\\b()"),
        Pattern.compile("(?i)^" + VERSION + "\\b()"),
    };
    private static final Pattern LOOSE_VERSION = Pattern.compile("(?i)(?:^|\\s)" + VERSION + "\\b");
    private static final Pattern GITHUB_RELEASE = Pattern.compile("^/[^/]+/([^/]+)/releases/");
    private static final Pattern BREAKING = Pattern.compile("(?i)\\b(breaking changes?|backwards?[- ]incompatible|"
            + "not backwards? compatible|no longer supported|removed support|support (for .{1,40} )?(has been|is) removed|"
            + "must (now )?migrate|action required|incompatible change)\\b");
    private static final int HIGHLIGHT_CHARS = 200;
    private static final int MAX_HIGHLIGHTS = 10;

    /** A release: what it releases, which version, whether it breaks things, what it brings. */
    public record Release(String product, String version, boolean breaking, List<String> highlights) {}

    /** The release the post announces, or null when its title names no version. */
    public Release extract(Document doc) {
        String title = doc.title().strip();
        String product = null;
        String version = null;
        for (Pattern p : TITLES) {
            Matcher m = p.matcher(title);
            if (m.find()) {
                boolean versionFirst = p == TITLES[2] || p == TITLES[3];
                version = versionFirst ? m.group(1) : m.group(2);
                product = versionFirst ? null : cleanProduct(m.group(1));
                break;
            }
        }
        if (version == null) {
            Matcher loose = LOOSE_VERSION.matcher(title);
            if (!loose.find()) {
                return null;
            }
            version = loose.group(1);
        }
        if (product == null || product.isEmpty()) {
            product = productFromLinkOrFeed(doc);
        }
        if (product == null) {
            return null;
        }
        return new Release(product, version, BREAKING.matcher(doc.text()).find(), highlights(doc.text()));
    }

    /** Whether the title announces a product's version ({@code Announcing Kea 3.0}, {@code Introducing Envoy 1.33}). */
    public boolean announcesVersion(String title) {
        return TITLES[0].matcher(title.strip()).find();
    }

    private static String cleanProduct(String raw) {
        String p = raw.strip().replaceAll("(?i)\\s+(release|version)$", "");
        return p.isEmpty() || p.equalsIgnoreCase("release") || p.equalsIgnoreCase("version") ? null : p;
    }

    private static String productFromLinkOrFeed(Document doc) {
        if (doc.link() != null) {
            try {
                Matcher m = GITHUB_RELEASE.matcher(URI.create(doc.link().strip()).getPath());
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IllegalArgumentException | NullPointerException notALink) {
                // fall back to the feed's title
            }
        }
        if (doc.feedTitle() == null || doc.feedTitle().isBlank()) {
            return null;
        }
        return doc.feedTitle().strip().replaceAll("(?i)\\s*(releases?|release notes|changelog|blog|news)$", "")
                .replaceAll("(?i)^(release notes|releases?) (from|of|for) ", "").strip();
    }

    /** The runs of two or more short lines after the first line: the list items of release notes. */
    static List<String> highlights(String text) {
        String[] lines = text.split("\n");
        List<String> highlights = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int i = 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            boolean item = !line.isEmpty() && line.length() <= HIGHLIGHT_CHARS && !line.endsWith(":");
            if (item) {
                run.add(line);
            } else {
                if (run.size() >= 2) {
                    highlights.addAll(run);
                }
                run.clear();
            }
        }
        return highlights.size() > MAX_HIGHLIGHTS ? List.copyOf(highlights.subList(0, MAX_HIGHLIGHTS)) : highlights;
    }
}
