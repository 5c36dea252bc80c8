package sift.web.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sift.store.digest.DigestSource.Candidate;
import sift.store.digest.DigestSource.HypeClaim;

/**
 * Curates a day: posts of one story become one entry; entries are ranked by the reader's interest in their topics,
 * the weight of their feeds, freshness, how many feeds tell the story and how readers took it, with hype held down.
 * Pure: the caller loads the day ({@link sift.store.digest.DigestSource}) and the reader's interests.
 */
public final class DigestBuilder {
    static final int TOP = 8;
    static final int PER_TOPIC = 3;
    static final int EPISODES = 10;
    static final int RELEASES = 10;
    static final int HYPE_POSTS = 3;
    static final int CLAIMS_PER_POST = 2;
    static final int SKEPTICAL = 5;
    /** A post this old at the end of the day counts three quarters of a fresh one; a day old, five eighths. */
    static final Duration HALF_LIFE = Duration.ofHours(12);
    /** The taxonomy's order, for topics the reader shows no preference among. */
    static final List<String> TOPICS = List.of(
            "routing", "datacenter", "security", "automation", "cloud", "ai-ml", "operations", "internet", "career");

    /**
     * What the reader cares for: topics followed on the account page, and topic weights from what the reader read
     * and starred lately (any scale; the largest counts as much as a followed topic).
     */
    public record Interests(Set<String> followed, Map<String, Double> engagement) {
        public static final Interests NONE = new Interests(Set.of(), Map.of());

        public Interests {
            followed = Set.copyOf(followed);
            engagement = Map.copyOf(engagement);
        }

        double of(String topic) {
            double most = engagement.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            double engaged = most == 0 ? 0 : engagement.getOrDefault(topic, 0.0) / most;
            return (followed.contains(topic) ? 1.0 : 0.0) + engaged;
        }
    }

    private DigestBuilder() {}

    public static Digest build(
            LocalDate day,
            ZoneId zone,
            Instant from,
            Instant to,
            List<Candidate> posts,
            List<HypeClaim> claims,
            Interests interests,
            Set<String> watched) {
        Map<Long, Double> scores = scores(posts, to, interests);
        List<Digest.Story> stories = stories(posts, scores);
        Set<Long> shown = new HashSet<>();

        List<Digest.Story> top = take(
                stories.stream()
                        .filter(s -> !s.lead().kind().equals("podcast")
                                && !s.lead().kind().equals("release"))
                        .toList(),
                TOP,
                shown);
        Map<String, List<Digest.Story>> byTopic = new LinkedHashMap<>();
        for (String topic : topicOrder(interests)) {
            byTopic.put(topic, new ArrayList<>());
        }
        for (Digest.Story story : stories) {
            String kind = story.lead().kind();
            if (shown.contains(story.lead().storyId())
                    || kind.equals("podcast")
                    || kind.equals("release")
                    || story.lead().topics().isEmpty()) {
                continue;
            }
            List<Digest.Story> section = byTopic.get(story.lead().topics().get(0));
            if (section != null && section.size() < PER_TOPIC) {
                section.add(story);
            }
        }
        List<Digest.TopicSection> topics = byTopic.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Digest.TopicSection(e.getKey(), e.getValue()))
                .toList();
        List<Digest.Story> episodes = stories.stream()
                .filter(s -> s.lead().kind().equals("podcast"))
                .limit(EPISODES)
                .toList();
        List<Digest.Story> releases = stories.stream()
                .filter(s -> s.lead().kind().equals("release"))
                .sorted(Comparator.comparing(
                        (Digest.Story s) -> !watched.contains(s.lead().product())))
                .limit(RELEASES)
                .toList();
        Map<Long, Candidate> byId = new HashMap<>();
        posts.forEach(p -> byId.put(p.id(), p));
        List<Digest.HypePost> hype = hypeWatch(claims, byId);
        // skeptical reads are ranked without the hype penalty, which their quotes of hype would draw
        List<Digest.Story> skeptical = posts.stream()
                .filter(p -> p.stance().equals("skeptical"))
                .sorted(Comparator.comparingDouble((Candidate p) -> -score(p, to, interests) / hypePenalty(p)))
                .limit(SKEPTICAL)
                .map(p -> new Digest.Story(p, List.of(), scores.get(p.id())))
                .toList();
        return new Digest(
                day, zone, from, to, posts.size(), top, topics, List.of(), episodes, releases, hype, skeptical);
    }

    /** The posts with the strongest claims first, each with its strongest claims (claims come strongest first). */
    static List<Digest.HypePost> hypeWatch(List<HypeClaim> claims, Map<Long, Candidate> posts) {
        Map<Long, List<HypeClaim>> byPost = new LinkedHashMap<>();
        for (HypeClaim c : claims) {
            if (posts.containsKey(c.postId())) {
                byPost.computeIfAbsent(c.postId(), id -> new ArrayList<>()).add(c);
            }
        }
        return byPost.entrySet().stream()
                .limit(HYPE_POSTS)
                .map(e -> new Digest.HypePost(
                        posts.get(e.getKey()),
                        e.getValue().stream()
                                .limit(CLAIMS_PER_POST)
                                .map(c -> new Digest.Claim(
                                        c.sentence(),
                                        c.score(),
                                        c.reasons(),
                                        c.spoken(),
                                        c.startMillis() == null ? null : c.startMillis() / 1000,
                                        c.speaker()))
                                .toList(),
                        Math.max(0, e.getValue().size() - CLAIMS_PER_POST)))
                .toList();
    }

    /** Every story of the day, best first. */
    static List<Digest.Story> rank(List<Candidate> posts, Instant end, Interests interests) {
        return stories(posts, scores(posts, end, interests));
    }

    private static Map<Long, Double> scores(List<Candidate> posts, Instant end, Interests interests) {
        Map<Long, Double> scores = new HashMap<>();
        for (Candidate post : posts) {
            scores.put(post.id(), score(post, end, interests));
        }
        return scores;
    }

    /** One entry per story, best first; a story's lead is its best post, its score the lead's lifted by coverage. */
    private static List<Digest.Story> stories(List<Candidate> posts, Map<Long, Double> scores) {
        Map<Long, List<Candidate>> byStory = new LinkedHashMap<>();
        for (Candidate post : posts) {
            byStory.computeIfAbsent(post.storyId(), id -> new ArrayList<>()).add(post);
        }
        List<Digest.Story> stories = new ArrayList<>();
        for (List<Candidate> told : byStory.values()) {
            told.sort(Comparator.comparingDouble((Candidate p) -> -scores.get(p.id()))
                    .thenComparing(Candidate::id));
            Candidate lead = told.get(0);
            List<Candidate> others = told.subList(1, told.size());
            long feeds = told.stream().map(Candidate::feedId).distinct().count();
            stories.add(new Digest.Story(lead, others, scores.get(lead.id()) * (1 + 0.5 * (feeds - 1))));
        }
        stories.sort(Comparator.comparingDouble((Digest.Story s) -> -s.score())
                .thenComparing(s -> s.lead().id()));
        return stories;
    }

    private static List<Digest.Story> take(List<Digest.Story> stories, int limit, Set<Long> shown) {
        List<Digest.Story> taken = stories.stream().limit(limit).toList();
        taken.forEach(s -> shown.add(s.lead().storyId()));
        return taken;
    }

    /** Topics the reader cares for most first, then the taxonomy's order. */
    private static List<String> topicOrder(Interests interests) {
        return TOPICS.stream()
                .sorted(Comparator.comparingDouble((String t) -> -interests.of(t)))
                .toList();
    }

    /**
     * A post's worth: interest in its topics x its feed's weight x freshness x readers' engagement x hype penalty.
     */
    static double score(Candidate post, Instant end, Interests interests) {
        double interest = 1 + post.topics().stream().mapToDouble(interests::of).sum();
        double ageHours = Math.max(0, Duration.between(post.publishedAt(), end).toMinutes() / 60.0);
        double freshness = 0.5 + 0.5 * Math.pow(0.5, ageHours / HALF_LIFE.toHours());
        double engagement = 1 + 0.5 * Math.log1p(post.readers() + 3.0 * post.stars());
        return interest * Math.max(0, post.feedWeight()) * freshness * engagement * hypePenalty(post);
    }

    /** A hype score of 100 halves a post's worth; a post whose stance is hype loses a further 30 %. */
    static double hypePenalty(Candidate post) {
        return (1 - post.hypeScore() / 200.0) * (post.stance().equals("hype") ? 0.7 : 1.0);
    }
}
