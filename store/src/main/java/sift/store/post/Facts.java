package sift.store.post;

import static sift.store.sql.Sql.fit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import sift.store.release.ReleaseNote;
import sift.store.sql.Sql;

/**
 * The SQL of a post's facts: topics, AI claims, release and episode. Always called inside the transaction
 * that writes the post itself.
 */
final class Facts {
    private Facts() {}

    /** The facts that live on the post's own row, its topic ids (best first) and its vector among them. */
    static Map<String, Object> postValues(PostFacts facts) {
        Map<String, Object> values = new HashMap<>();
        values.put("kind", facts.kind());
        values.put("hypeScore", facts.hypeScore());
        values.put("stance", facts.stance());
        values.put(
                "topicIds",
                String.join(
                        ",",
                        facts.topics().stream()
                                .sorted(Comparator.comparingDouble(PostFacts.TopicScore::score)
                                        .reversed()
                                        .thenComparing(PostFacts.TopicScore::topic))
                                .map(PostFacts.TopicScore::topic)
                                .toList()));
        values.put("vector", Vectors.bytes(facts.vector()));
        return values;
    }

    static void replace(Handle h, long postId, PostFacts facts) {
        delete(h, postId);
        insert(h, List.of(postId), List.of(facts));
    }

    static void delete(Handle h, long postId) {
        for (String table : List.of("post_topics", "post_claims", "post_releases", "post_episodes", "episode_cues")) {
            h.createUpdate("DELETE FROM " + table + " WHERE post_id = :id")
                    .bind("id", postId)
                    .execute();
        }
    }

    /** Inserts the facts of new posts: the i-th facts belong to the i-th id. */
    static void insert(Handle h, List<Long> postIds, List<PostFacts> facts) {
        var topics = h.prepareBatch("INSERT INTO post_topics (post_id, topic, score) VALUES (:id, :topic, :score)");
        var claims = h.prepareBatch("""
                INSERT INTO post_claims (post_id, position, part, span_start, span_end, sentence, score, stance, reasons,
                                         start_millis, speaker)
                VALUES (:id, :position, :part, :start, :end, :sentence, :score, :stance, :reasons, :startMillis,
                        :speaker)""");
        var releases = h.prepareBatch("""
                INSERT INTO post_releases (post_id, product, version, breaking, highlights)
                VALUES (:id, :product, :version, :breaking, :highlights)""");
        var episodes = h.prepareBatch("""
                INSERT INTO post_episodes (post_id, show_name, season, episode_number, duration_seconds,
                                           transcript_url, transcript_type, chapters_url, chapters,
                                           transcript_read_url, transcript_problem, transcript_etag,
                                           transcript_last_modified)
                VALUES (:id, :show, :season, :number, :duration, :transcript, :transcriptType, :chaptersUrl,
                        :chapters, :transcriptRead, :transcriptProblem, :transcriptEtag, :transcriptLastModified)""");
        var cues = h.prepareBatch("""
                INSERT INTO episode_cues (post_id, position, start_millis, speaker, words)
                VALUES (:id, :position, :start, :speaker, :words)""");
        for (int i = 0; i < postIds.size(); i++) {
            long id = postIds.get(i);
            PostFacts f = facts.get(i);
            for (PostFacts.TopicScore t : f.topics()) {
                topics.bind("id", id)
                        .bind("topic", t.topic())
                        .bind("score", t.score())
                        .add();
            }
            for (int position = 0; position < f.claims().size(); position++) {
                PostFacts.Claim c = f.claims().get(position);
                claims.bind("id", id)
                        .bind("position", position)
                        .bind("part", c.part())
                        .bind("start", c.start())
                        .bind("end", c.end())
                        .bind("sentence", fit(c.sentence(), 2000))
                        .bind("score", c.score())
                        .bind("stance", c.stance())
                        .bind("reasons", fit(Sql.lines(c.reasons()), 4000))
                        .bind("startMillis", c.startMillis())
                        .bind("speaker", fit(c.speaker(), 200))
                        .add();
            }
            if (f.release() != null) {
                releases.bind("id", id)
                        .bind("product", fit(f.release().product(), 200))
                        .bind("version", fit(f.release().version(), 100))
                        .bind("breaking", f.release().breaking())
                        .bind("highlights", fit(ReleaseNote.encode(f.release().notes()), 8000))
                        .add();
            }
            if (f.episode() != null) {
                PostFacts.Transcript transcript = f.episode().transcript();
                episodes.bind("id", id)
                        .bind("show", fit(f.episode().show(), 500))
                        .bind("season", f.episode().season())
                        .bind("number", f.episode().number())
                        .bind("duration", f.episode().durationSeconds())
                        .bind("transcript", fit(f.episode().transcriptUrl(), 2048))
                        .bind("transcriptType", fit(f.episode().transcriptType(), 100))
                        .bind("chaptersUrl", fit(f.episode().chaptersUrl(), 2048))
                        .bind("chapters", fit(chapters(f.episode().chapters()), 8000))
                        .bind("transcriptRead", transcript == null ? null : fit(transcript.url(), 2048))
                        .bind("transcriptProblem", transcript == null ? null : fit(transcript.problem(), 1000))
                        .bind("transcriptEtag", transcript == null ? null : validator(transcript.etag(), 500))
                        .bind(
                                "transcriptLastModified",
                                transcript == null ? null : validator(transcript.lastModified(), 100))
                        .add();
                for (int position = 0;
                        transcript != null && position < transcript.cues().size();
                        position++) {
                    PostFacts.Cue c = transcript.cues().get(position);
                    cues.bind("id", id)
                            .bind("position", position)
                            .bind("start", c.startMillis())
                            .bind("speaker", fit(c.speaker(), 200))
                            .bind("words", fit(c.text(), 2001))
                            .add();
                }
            }
        }
        for (var batch : List.of(topics, claims, releases, episodes, cues)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    /** The claim of a row of {@code post_claims}. */
    static PostFacts.Claim claim(ResultSet rs) throws SQLException {
        return new PostFacts.Claim(
                rs.getString("part"),
                rs.getInt("span_start"),
                rs.getInt("span_end"),
                rs.getString("sentence"),
                rs.getInt("score"),
                rs.getString("stance"),
                Sql.items(rs.getString("reasons")),
                rs.getObject("start_millis", Integer.class),
                rs.getString("speaker"));
    }

    static PostFacts read(Handle h, long postId, String kind, int hypeScore, String stance, byte[] vector) {
        List<PostFacts.TopicScore> topics = h.createQuery(
                        "SELECT topic, score FROM post_topics WHERE post_id = :id ORDER BY score DESC, topic")
                .bind("id", postId)
                .map((rs, ctx) -> new PostFacts.TopicScore(rs.getString("topic"), rs.getDouble("score")))
                .list();
        List<PostFacts.Claim> claims = h.createQuery("""
                        SELECT part, span_start, span_end, sentence, score, stance, reasons, start_millis, speaker
                        FROM post_claims WHERE post_id = :id ORDER BY position""")
                .bind("id", postId)
                .map((rs, ctx) -> claim(rs))
                .list();
        PostFacts.Release release = h.createQuery(
                        "SELECT product, version, breaking, highlights FROM post_releases WHERE post_id = :id")
                .bind("id", postId)
                .map((rs, ctx) -> new PostFacts.Release(
                        rs.getString("product"),
                        rs.getString("version"),
                        rs.getBoolean("breaking"),
                        ReleaseNote.decode(rs.getString("highlights"))))
                .findOne()
                .orElse(null);
        PostFacts.Episode episode = h.createQuery("""
                        SELECT show_name, season, episode_number, duration_seconds, transcript_url, transcript_type,
                               chapters_url, chapters, transcript_read_url, transcript_problem, transcript_etag,
                               transcript_last_modified
                        FROM post_episodes WHERE post_id = :id""")
                .bind("id", postId)
                .map((rs, ctx) -> new PostFacts.Episode(
                        rs.getString("show_name"),
                        rs.getObject("season", Integer.class),
                        rs.getObject("episode_number", Integer.class),
                        rs.getObject("duration_seconds", Integer.class),
                        rs.getString("transcript_url"),
                        rs.getString("transcript_type"),
                        rs.getString("chapters_url"),
                        chapters(rs.getString("chapters")),
                        rs.getString("transcript_read_url") == null ? null : transcript(h, postId, rs)))
                .findOne()
                .orElse(null);
        return new PostFacts(kind, topics, hypeScore, stance, claims, release, episode, Vectors.vector(vector));
    }

    /** The transcript of an episode's row, its cues read. */
    static PostFacts.Transcript transcript(Handle h, long postId, ResultSet episode) throws SQLException {
        List<PostFacts.Cue> cues = h.createQuery(
                        "SELECT start_millis, speaker, words FROM episode_cues WHERE post_id = :id ORDER BY position")
                .bind("id", postId)
                .map((rs, ctx) -> new PostFacts.Cue(
                        rs.getObject("start_millis", Integer.class), rs.getString("speaker"), rs.getString("words")))
                .list();
        return new PostFacts.Transcript(
                episode.getString("transcript_read_url"),
                episode.getString("transcript_problem"),
                cues,
                episode.getString("transcript_etag"),
                episode.getString("transcript_last_modified"));
    }

    /** A validator too long for its column is not kept: cut, it would never match again. */
    private static String validator(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    /** Chapters as one column: a line each, start seconds, a tab, the title. */
    private static String chapters(List<PostFacts.Chapter> chapters) {
        return chapters.isEmpty()
                ? null
                : String.join(
                        "\n",
                        chapters.stream()
                                .map(c -> c.startSeconds() + "\t" + c.title().replaceAll("[\\t\\r\\n]+", " "))
                                .toList());
    }

    /** The chapters of a column written by {@link #chapters(List)}; a line cut before its tab is left out. */
    private static List<PostFacts.Chapter> chapters(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<PostFacts.Chapter> chapters = new ArrayList<>();
        for (String line : column.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                chapters.add(new PostFacts.Chapter(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1)));
            }
        }
        return chapters;
    }
}
