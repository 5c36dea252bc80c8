package sift.nlp;

import java.util.List;
import java.util.Objects;
import sift.nlp.episode.EpisodeExtractor;
import sift.nlp.hype.Hype;
import sift.nlp.release.ReleaseExtractor;
import sift.nlp.taxonomy.Kind;
import sift.nlp.topic.TopicModel;

/**
 * What the pipeline found out about one document: its kind, its topics (best first, possibly none), its AI claims
 * with their hype score and stance, the release it announces (releases only), the episode it is (podcasts
 * only), and the sentence encoder's vector of its title and lead (zeros for a post without words), which links the
 * posts of one story.
 */
public record Analysis(
        Kind kind,
        List<TopicModel.Scored> topics,
        Hype hype,
        ReleaseExtractor.Release release,
        EpisodeExtractor.Episode episode,
        float[] vector) {
    public Analysis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hype, "hype");
        Objects.requireNonNull(vector, "vector");
        topics = List.copyOf(topics);
    }
}
