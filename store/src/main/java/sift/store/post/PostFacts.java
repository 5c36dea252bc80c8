package sift.store.post;

import java.util.List;
import java.util.Objects;
import sift.store.release.ReleaseNote;

/**
 * What the NLP found out about a post, stored with it in the same transaction: its kind, its topics with
 * scores (best first), its hype score and stance with the AI claims behind them, the release or podcast
 * episode it is, if any, and the sentence encoder's vector of its title and lead (null when it has none).
 */
public record PostFacts(
        String kind,
        List<TopicScore> topics,
        int hypeScore,
        String stance,
        List<Claim> claims,
        Release release,
        Episode episode,
        float[] vector) {

    public PostFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stance, "stance");
        topics = List.copyOf(topics);
        claims = List.copyOf(claims);
        vector = vector == null ? null : vector.clone();
    }

    /** Facts without a vector. */
    public PostFacts(
            String kind,
            List<TopicScore> topics,
            int hypeScore,
            String stance,
            List<Claim> claims,
            Release release,
            Episode episode) {
        this(kind, topics, hypeScore, stance, claims, release, episode, null);
    }

    /** Facts of a post that has only its kind: no topics, no claims, neutral. */
    public static PostFacts ofKind(String kind) {
        return new PostFacts(kind, List.of(), 0, "neutral", List.of(), null, null);
    }

    public record TopicScore(String topic, double score) {
        public TopicScore {
            Objects.requireNonNull(topic, "topic");
        }
    }

    /**
     * An AI claim: the part of the post it is in ({@code title}, {@code text}, or {@code transcript}: said in the
     * episode) and its character span there (start inclusive, end exclusive), its sentence, hype score 0-100,
     * stance, and why, one reason per feature; a spoken claim has the time it was said at ({@code startMillis}, null
     * when the transcript gives no time) and its speaker when named.
     */
    public record Claim(
            String part,
            int start,
            int end,
            String sentence,
            int score,
            String stance,
            List<String> reasons,
            Integer startMillis,
            String speaker) {
        public static final String TRANSCRIPT = "transcript";

        public Claim {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(sentence, "sentence");
            Objects.requireNonNull(stance, "stance");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("a claim's span runs forward from 0, not " + start + "-" + end);
            }
            if (startMillis != null && startMillis < 0) {
                throw new IllegalArgumentException("a claim is said at 0 ms or later, not " + startMillis);
            }
            reasons = List.copyOf(reasons);
        }

        /** A claim of the title or the text. */
        public Claim(String part, int start, int end, String sentence, int score, String stance, List<String> reasons) {
            this(part, start, end, sentence, score, stance, reasons, null, null);
        }

        /** Whether it was said in the episode rather than written in its title or text. */
        public boolean spoken() {
            return part.equals(TRANSCRIPT);
        }

        /** The whole second it was said at, or null. */
        public Integer startSeconds() {
            return startMillis == null ? null : startMillis / 1000;
        }
    }

    /** A software release: product, version, whether it announces breaking changes, its notes. */
    public record Release(String product, String version, boolean breaking, List<ReleaseNote> notes) {
        public Release {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(version, "version");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A podcast episode: its show, and season, number and duration when known; where its feed links a transcript
     * (and its media type) and chapters, when it does; the transcript Sift read, when it read one.
     */
    public record Episode(
            String show,
            Integer season,
            Integer number,
            Integer durationSeconds,
            String transcriptUrl,
            String transcriptType,
            String chaptersUrl,
            List<Chapter> chapters,
            Transcript transcript) {
        public Episode {
            Objects.requireNonNull(show, "show");
            chapters = List.copyOf(chapters);
        }

        public Episode(
                String show,
                Integer season,
                Integer number,
                Integer durationSeconds,
                String transcriptUrl,
                String transcriptType,
                String chaptersUrl,
                List<Chapter> chapters) {
            this(show, season, number, durationSeconds, transcriptUrl, transcriptType, chaptersUrl, chapters, null);
        }

        public Episode(String show, Integer season, Integer number, Integer durationSeconds) {
            this(show, season, number, durationSeconds, null, null, null, List.of());
        }
    }

    /**
     * The transcript file at {@code url} as Sift read it: its cues, in the order they were said, and what was wrong
     * with it or left out ({@code problem}, null when nothing was), and the validators its server gave ({@code etag},
     * {@code lastModified}, null when none), to ask for it again conditionally; a file that could not be read has a
     * problem and no cues.
     */
    public record Transcript(String url, String problem, List<Cue> cues, String etag, String lastModified) {
        public Transcript {
            Objects.requireNonNull(url, "url");
            cues = List.copyOf(cues);
        }

        /** A transcript read without validators. */
        public Transcript(String url, String problem, List<Cue> cues) {
            this(url, problem, cues, null, null);
        }
    }

    /** What was said from {@code startMillis} (null when the transcript gives no time), by {@code speaker} if named. */
    public record Cue(Integer startMillis, String speaker, String text) {
        public Cue {
            Objects.requireNonNull(text, "text");
            if (startMillis != null && startMillis < 0) {
                throw new IllegalArgumentException("a cue starts at 0 ms or later, not " + startMillis);
            }
        }
    }

    /** A chapter of an episode: where it starts, in seconds from the start, and its title. */
    public record Chapter(int startSeconds, String title) {
        public Chapter {
            Objects.requireNonNull(title, "title");
            if (startSeconds < 0) {
                throw new IllegalArgumentException("a chapter starts at 0 s or later, not " + startSeconds);
            }
        }
    }
}
