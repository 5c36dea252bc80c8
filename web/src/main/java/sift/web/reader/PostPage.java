package sift.web.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sift.store.classifier.LabelStore;
import sift.store.post.PostFacts;
import sift.store.user.PostState;
import sift.web.http.Dates;
import sift.web.http.Reasons;

/**
 * One post with its sanitised content (its flagged AI claims marked) and media, its topics, its stance on AI
 * with the flagged claims and their reasons, the release or episode it is with the claims said in it (hype and
 * skeptical, in the order they were said), and the same story told elsewhere; an archived post (retention) has only
 * its summary. Pairs with reader/post.jte.
 */
public record PostPage(
        long id,
        String title,
        String feedTitle,
        String author,
        String link,
        String kind,
        Dates.Shown published,
        String contentHtml,
        String summary,
        Dates.Shown archived,
        List<Media> media,
        List<PostFacts.TopicScore> topics,
        int hypeScore,
        String stance,
        List<PostFacts.Claim> flagged,
        List<PostFacts.Claim> skeptical,
        List<PostFacts.Claim> spoken,
        boolean aboutAi,
        PostFacts.Release release,
        PostFacts.Episode episode,
        PostState state,
        List<String> yourLabels,
        List<Other> elsewhere,
        List<LabelStore.Label> labels,
        Integer startAt) {

    /** Another post, linked from this one: the same story told by another feed, or a post like it. */
    public record Other(long id, String title, String feedTitle, Dates.Shown published) {}

    public PostPage {
        media = List.copyOf(media);
        topics = List.copyOf(topics);
        flagged = List.copyOf(flagged);
        skeptical = List.copyOf(skeptical);
        spoken = List.copyOf(spoken);
        labels = List.copyOf(labels);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * The post's stance on AI in words, with its hype score (a skeptical post's low hype score would read as a
     * measure of its skepticism, so it has none), and for an episode what the verdict comes from.
     */
    public String stanceLine() {
        String line = switch (stance) {
            case "hype" -> "Hype-laden AI claims · hype " + hypeScore + "/100";
            case "skeptical" -> "Skeptical of AI claims";
            default -> "Sober about AI · hype " + hypeScore + "/100";
        };
        if (episode == null) {
            return line;
        }
        boolean written = !flagged.isEmpty() || !skeptical.isEmpty();
        return line + " · "
                + (spoken.isEmpty()
                        ? "from the show notes"
                        : written ? "from the show notes and what was said" : "from what was said");
    }

    /** The claims an admin may label for training: the flagged claims of the show notes, then those said. */
    public List<PostFacts.Claim> labelable() {
        List<PostFacts.Claim> claims = new ArrayList<>(flagged);
        claims.addAll(spoken);
        return claims;
    }

    /** Whether the page has a player, which the times of chapters and spoken claims play from. */
    public boolean hasPlayer() {
        return media.stream().anyMatch(m -> m.audio() || m.video());
    }

    /** A run of the title: plain, or a flagged claim (then {@code number} is its place in the list of claims). */
    public record TitlePiece(String text, PostFacts.Claim claim, int number) {}

    /**
     * The title cut at its flagged claims, so that a claim in the title is marked as one in the text is. A claim is
     * found by its sentence, the first time it occurs after the claim before it; one not found is not marked.
     */
    public List<TitlePiece> titlePieces() {
        List<TitlePiece> pieces = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < flagged.size(); i++) {
            PostFacts.Claim claim = flagged.get(i);
            int start = claim.part().equals("title")
                    ? title.indexOf(claim.sentence().strip(), at)
                    : -1;
            if (start < 0 || claim.sentence().isBlank()) {
                continue;
            }
            if (start > at) {
                pieces.add(new TitlePiece(title.substring(at, start), null, 0));
            }
            at = start + claim.sentence().strip().length();
            pieces.add(new TitlePiece(title.substring(start, at), claim, i + 1));
        }
        if (at < title.length()) {
            pieces.add(new TitlePiece(title.substring(at), null, 0));
        }
        return pieces;
    }

    /** Why a passage reads as skeptical, in plain words: its reasons, or a plain statement when it has none. */
    public static String whySkeptical(PostFacts.Claim claim) {
        return claim.reasons().isEmpty() ? "reads as skeptical of the claim" : Reasons.plain(claim.reasons());
    }

    /** What a flagged claim's mark says: its score and every reason. */
    public static String explanation(PostFacts.Claim claim) {
        return "Hype " + claim.score() + "/100"
                + (claim.reasons().isEmpty() ? "" : ": " + Reasons.plain(claim.reasons()));
    }

    /** A topic's score as a whole percentage, for the chip's tooltip. */
    public static int percent(PostFacts.TopicScore topic) {
        return (int) Math.round(topic.score() * 100);
    }

    public record Media(String url, String mimeType, Long length, boolean audio, boolean video) {
        private static final Map<String, String> FORMATS = Map.of(
                "audio/mpeg",
                "MP3",
                "audio/mp3",
                "MP3",
                "audio/mp4",
                "M4A",
                "audio/x-m4a",
                "M4A",
                "audio/aac",
                "AAC",
                "audio/ogg",
                "Ogg",
                "audio/opus",
                "Opus",
                "video/mp4",
                "MP4",
                "video/webm",
                "WebM",
                "application/pdf",
                "PDF");

        /** What a download link says: "MP3, 43 MB"; the format from the type, else from the address. */
        public String label() {
            String type =
                    mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT).strip();
            String path = url.replaceAll("[?#].*", "");
            int dot = path.lastIndexOf('.');
            String extension = dot <= path.lastIndexOf('/') || path.length() - dot > 6
                    ? ""
                    : path.substring(dot + 1).toUpperCase(Locale.ROOT);
            String format = FORMATS.getOrDefault(type, extension.isEmpty() ? "media" : extension);
            if (length == null || length <= 0) {
                return format;
            }
            return format + ", "
                    + (length >= 1_000_000
                            ? Math.round(length / 1e6) + " MB"
                            : Math.max(1, Math.round(length / 1e3)) + " KB");
        }
    }

    /** Where the player starts: the time the link asked for ({@code ?t=}), else where the reader stopped. */
    public int startSeconds() {
        return startAt != null ? startAt : state.playPositionSeconds();
    }
}
