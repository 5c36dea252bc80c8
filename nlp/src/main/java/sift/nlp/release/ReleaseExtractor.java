package sift.nlp.release;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.nlp.text.Document;

/**
 * Product and version of a release, in the forms the field writes them. In a title: {@code netlab release
 * 25.11}, {@code FRRouting 10.2.1 is out}, {@code NetBox v4.3.0: ...}, {@code Announcing Kea 3.0}, {@code Now
 * available: Containerlab 0.62}, {@code What's new in Cilium 1.17}, {@code v3.4.0}, {@code release 2025.11.1}. In
 * the first lines of the text, a version with a release verb before it or after it: {@code I managed to push
 * out netlab release 25.11 yesterday}, {@code We are pleased to announce the release of Kea 3.0}, {@code FRR
 * 10.2 is out}. Versions include pre-releases ({@code 0.62.0-rc1}, {@code 2.0 beta 2}), calendar versions and
 * vendor trains ({@code Junos 24.4R1-S2}, {@code NX-OS 10.4(3)F}, {@code EOS 4.33.1F}, {@code PAN-OS 11.1.2-h3},
 * {@code SONiC 202505}). When the title gives only a version, the product comes from a GitHub-style release
 * link, else the feed's title. Its notes are read by {@link ReleaseNotes}, and it announces breaking changes
 * when the text or a note says so. Thread-safe.
 */
public final class ReleaseExtractor {
    static final String VERSION = "v?(\\d+\\.\\d+R\\d+(?:-S\\d+(?:\\.\\d+)?)?"
            + "|\\d+(?:\\.\\d+){1,3}\\(\\d+[a-z]?\\)[A-Z]*\\d*"
            + "|\\d{4}\\.\\d{1,2}(?:\\.\\d+)?"
            + "|\\d+(?:\\.\\d+){1,3}(?:[A-Z](?![A-Za-z]))?(?:-h\\d+)?"
            + "(?:(?:[-.]|\\s(?=(?i:rc|beta|alpha|preview)))?(?i:rc|beta|alpha|preview|pre|b|a)(?:[.\\s]?\\d+)?)?"
            + "|20\\d{4})";
    private static final String NAME =
            "([A-Za-z][\\w+./-]*(?:\\s+(?!(?i:release|version)\\b)[A-Za-z0-9][\\w+./-]*){0,4})";
    private static final Pattern[] TITLES = {
        Pattern.compile("(?i)^(?:announcing|introducing|releasing|what'?s new in|welcome|now available:?|out now:?"
                + "|(?:new )?release[ds]?:|\\[ann(?:ounce)?\\]|ann:)\\s+" + NAME
                + "\\s+(?:version\\s+|release\\s+)?" + VERSION + "\\b"),
        Pattern.compile("^" + NAME + "\\s+(?:(?i)release|version|v(?=\\d))?\\s*" + VERSION + "\\b"),
        Pattern.compile("(?i)^(?:release|version)\\s+" + VERSION + "\\b()"),
        Pattern.compile("(?i)^" + VERSION + "\\b()"),
    };
    private static final Pattern LOOSE_VERSION = Pattern.compile("(?i)(?:^|\\s)" + VERSION + "\\b");
    /** In a title after the version, or in the text right after a version: words that release it. */
    private static final Pattern RELEASED_AFTER = Pattern.compile("(?i)^\\s*(?:(?:is|are|has been|have been|was)\\s+"
            + "(?:now\\s+|finally\\s+|officially\\s+)?(?:out|released|available|here|tagged|published|live)"
            + "|(?:is|has been)\\s+(?:now\\s+)?(?:up|posted|on the download page)|(?:just\\s+)?(?:dropped|landed)\\b"
            + "|released|is out|ships\\b|has shipped|has landed|release notes|changelog)");
    /** In the text right before the product: a release verb and little else. */
    private static final Pattern RELEASED_BEFORE =
            Pattern.compile("(?i)(?:released|releasing|release of|push(?:ed)? out|"
                    + "ship(?:ped|ping|s)?|tagged|published|announc(?:e|ed|es|ing)(?: the (?:release|availability) of)?|"
                    + "introduc(?:e|ed|es|ing)|now available:?|available now:?|out now:?|welcome|new (?:release|version)(?: of)?:?)"
                    + "\\s+(?:the\\s+)?(?:(?:new|latest|first|final|stable|next|long-awaited)\\s+)*$");

    private static final Pattern TEXT_VERSION = Pattern.compile("(?<=^|\\s)" + VERSION + "(?=$|[\\s.,;:!)])");
    private static final Set<String> NOT_NAMES = Set.of(
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "for",
            "and",
            "or",
            "is",
            "are",
            "was",
            "out",
            "we",
            "i",
            "our",
            "today",
            "yesterday",
            "now",
            "new",
            "latest",
            "just",
            "finally",
            "this",
            "that",
            "with",
            "from",
            "by",
            "version",
            "release",
            "it",
            "its",
            "has",
            "have");
    private static final int LEAD_CHARS = 400;
    private static final Pattern GITHUB_RELEASE = Pattern.compile("^/[^/]+/([^/]+)/releases/");

    /** A release: what it releases, which version, whether it breaks things, its notes by section. */
    public record Release(String product, String version, boolean breaking, List<Note> notes) {}

    /** One line of release notes: its section's heading (null when it has none), its words, whether it breaks. */
    public record Note(String section, String text, boolean breaking) {}

    /**
     * The release the post announces, read from its title, else the first lines of its text, or null when
     * neither names a version with a product (from the words, a release link or the feed).
     */
    public Release extract(Document doc) {
        String[] found = fromTitle(doc.headline());
        if (found == null || found[0] == null) {
            String[] inText = fromText(doc.lead(LEAD_CHARS));
            if (inText != null) {
                found = inText;
            }
        }
        if (found == null) {
            Matcher loose = LOOSE_VERSION.matcher(doc.headline());
            if (!loose.find()) {
                return null;
            }
            found = new String[] {null, loose.group(1)};
        }
        String product = found[0] == null || found[0].isEmpty() ? productFromLinkOrFeed(doc) : found[0];
        if (product == null) {
            return null;
        }
        List<Note> notes = ReleaseNotes.read(doc.text());
        boolean breaking = ReleaseNotes.BREAKING_NOTE.matcher(doc.text()).find()
                || notes.stream().anyMatch(Note::breaking);
        return new Release(product, found[1], breaking, notes);
    }

    /**
     * Whether the words say that the post releases a version: its title announces one ({@code Announcing Kea
     * 3.0}, {@code FRR 10.2 is out}, {@code netlab release 25.11}, {@code NetBox v4.3.0: ...}) or its first lines
     * do ({@code I managed to push out netlab release 25.11}). A version merely mentioned is no release.
     */
    public boolean announcesRelease(Document doc) {
        String title = doc.headline();
        if (TITLES[0].matcher(title).find()) {
            return true;
        }
        Matcher named = TITLES[1].matcher(title);
        if (named.find() && cleanProduct(named.group(1)) != null) {
            String after = title.substring(named.end());
            boolean releaseWord = named.group().matches("(?is).*\\s(?:release|version|v(?=\\d))\\s*\\S+$");
            if (releaseWord
                    || after.startsWith(":")
                    || after.isBlank()
                    || RELEASED_AFTER.matcher(after).lookingAt()) {
                return true;
            }
        }
        return fromText(doc.lead(LEAD_CHARS)) != null;
    }

    /** {product or null, version} from the title's forms, or null. */
    private static String[] fromTitle(String title) {
        for (Pattern p : TITLES) {
            Matcher m = p.matcher(title);
            if (m.find()) {
                boolean versionFirst = p == TITLES[2] || p == TITLES[3];
                return versionFirst
                        ? new String[] {null, m.group(1)}
                        : new String[] {cleanProduct(m.group(1)), m.group(2)};
            }
        }
        return null;
    }

    /** {product, version} of the first version in {@code lead} with a release verb before or after it, or null. */
    static String[] fromText(String lead) {
        Matcher m = TEXT_VERSION.matcher(lead);
        while (m.find()) {
            String before = lead.substring(0, m.start());
            int nameStart = nameStart(before);
            if (nameStart < 0) {
                continue;
            }
            String product = before.substring(nameStart).strip().replaceAll("(?i)\\s+(release|version|v)$", "");
            if (RELEASED_BEFORE.matcher(before.substring(0, nameStart)).find()
                    || RELEASED_AFTER.matcher(lead.substring(m.end())).lookingAt()) {
                return new String[] {product, m.group(1)};
            }
        }
        return null;
    }

    /**
     * Where the product's name starts in the text before a version: walking back over at most four words that
     * look like a name (the nearest may be lower case, as {@code netlab} is; the others are capitalised or hold
     * digits or inner capitals), after an optional {@code release}, {@code version} or {@code v}; -1 when none.
     */
    private static int nameStart(String before) {
        int end = before.length();
        Matcher word = Pattern.compile("([A-Za-z][\\w+./-]*)\\s*$").matcher(before);
        if (word.region(0, end).find() && word.group(1).matches("(?i)release|version|v")) {
            end = word.start();
        }
        int start = -1;
        for (int words = 0; words < 4; words++) {
            word.region(0, end);
            if (!word.find()) {
                break;
            }
            String w = word.group(1);
            boolean namey = !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))
                    && (words == 0 || !w.equals(w.toLowerCase(Locale.ROOT)));
            if (!namey) {
                break;
            }
            start = word.start(1);
            end = word.start();
        }
        return start;
    }

    private static String cleanProduct(String raw) {
        String p = raw.strip().replaceAll("(?i)\\s+(release|version)$", "");
        return p.isEmpty() || p.equalsIgnoreCase("release") || p.equalsIgnoreCase("version") ? null : p;
    }

    private static String productFromLinkOrFeed(Document doc) {
        if (doc.link() != null) {
            try {
                Matcher m =
                        GITHUB_RELEASE.matcher(URI.create(doc.link().strip()).getPath());
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
        return doc.feedTitle()
                .strip()
                .replaceAll("(?i)\\s*(releases?|release notes|changelog|blog|news)$", "")
                .replaceAll("(?i)^(release notes|releases?) (from|of|for) ", "")
                .strip();
    }
}
