package sift.web.digest;

import java.util.List;
import java.util.Locale;
import sift.store.digest.DigestSource.Candidate;
import sift.web.http.Reasons;

/** A digest as Markdown: what {@code sift digest --format md} prints and what a digest e-mail carries as text. */
public final class DigestText {
    private DigestText() {}

    public static String markdown(Digest digest, String base) {
        StringBuilder md = new StringBuilder("# ").append(digest.title()).append("\n\n");
        md.append(digest.considered())
                .append(" posts, curated by Sift: ")
                .append(base)
                .append("/digest/")
                .append(digest.day())
                .append("\n");
        if (digest.isEmpty()) {
            return md.append("\nNo posts were published in the 24 hours this digest covers.\n")
                    .toString();
        }
        stories(md, "Top stories", digest.top(), base);
        for (Digest.TopicSection topic : digest.topics()) {
            stories(md, "More on " + topic.topic(), topic.stories(), base);
        }
        for (Digest.SearchSection search : digest.searches()) {
            stories(md, "Your search: " + search.name(), search.stories(), base);
        }
        stories(md, "New podcast episodes", digest.episodes(), base);
        stories(md, "Releases", digest.releases(), base);
        if (!digest.hypeWatch().isEmpty()) {
            md.append("\n## Hype watch\n\n");
            for (Digest.HypePost hype : digest.hypeWatch()) {
                md.append("- [")
                        .append(escape(hype.post().title()))
                        .append("](")
                        .append(link(base, hype.post()))
                        .append(") - ")
                        .append(escape(hype.post().feedTitle()))
                        .append(" - hype ")
                        .append(hype.post().hypeScore())
                        .append('\n');
                for (Digest.Claim claim : hype.claims()) {
                    md.append("  - > ").append(oneLine(claim.sentence())).append("\n\n    ");
                    if (claim.spoken()) {
                        md.append('[')
                                .append(escape(claim.said()))
                                .append("](")
                                .append(link(base, hype.post()))
                                .append(claim.at())
                                .append(") - ");
                    }
                    md.append("claim ")
                            .append(claim.score())
                            .append(": ")
                            .append(escape(oneLine(Reasons.plain(claim.reasons()))))
                            .append('\n');
                }
                if (hype.more() > 0) {
                    md.append("  - ")
                            .append(hype.more())
                            .append(hype.more() == 1 ? " more claim" : " more claims")
                            .append(" in this post\n");
                }
            }
        }
        stories(md, "Skeptical reads", digest.skeptical(), base);
        return md.toString();
    }

    private static void stories(StringBuilder md, String heading, List<Digest.Story> stories, String base) {
        if (stories.isEmpty()) {
            return;
        }
        md.append("\n## ").append(heading).append("\n\n");
        for (Digest.Story story : stories) {
            Candidate lead = story.lead();
            md.append("- [")
                    .append(escape(lead.title()))
                    .append("](")
                    .append(link(base, lead))
                    .append(") - ")
                    .append(escape(String.join(", ", story.sources())));
            if (lead.product() != null && !titleNamesRelease(lead)) {
                md.append(" - ").append(escape(lead.product())).append(' ').append(escape(lead.version()));
            }
            if (lead.product() != null && lead.breaking()) {
                md.append(" - breaking changes");
            }
            if (lead.hypeScore() > 0) {
                md.append(" - hype ").append(lead.hypeScore());
            }
            md.append('\n');
            for (Candidate other : story.others()) {
                md.append("  - also: [")
                        .append(escape(other.feedTitle() + ": " + other.title()))
                        .append("](")
                        .append(link(base, other))
                        .append(")\n");
            }
        }
    }

    /** Whether a release's title already says its product and version, which then are not said twice. */
    public static boolean titleNamesRelease(Candidate release) {
        String title = release.title().toLowerCase(Locale.ROOT);
        return title.contains(release.product().toLowerCase(Locale.ROOT))
                && title.contains(release.version().replaceFirst("^[vV]", "").toLowerCase(Locale.ROOT));
    }

    /** At most {@code max} characters, cut at a word, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        String flat = oneLine(text);
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + "…";
    }

    private static String link(String base, Candidate post) {
        return base + "/posts/" + post.id();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Text from feeds in Markdown: the characters that would start a link, emphasis or code are escaped. */
    private static String escape(String text) {
        return oneLine(text).replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
