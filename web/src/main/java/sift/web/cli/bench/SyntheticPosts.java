package sift.web.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sift.nlp.embed.Encoder;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.release.ReleaseNote;

/**
 * Realistic synthetic posts for benchmarks, the same for the same seed. Each post is about one topic, often
 * touching a second: most of its sentences draw their subject and object from that topic's vocabulary, as real
 * writing does, so that a technical word is in a few percent of all posts, not in most; and they carry the
 * specifics real posts are full of (AS numbers, interfaces, prefixes, versions). Lengths
 * run from a few sentences to long articles; five kinds; dates over three years; many feeds; facts (topics,
 * hype, release, episode) as the NLP would store them.
 */
public final class SyntheticPosts {
    /** The words posts are made of: web/src/main/resources/sift/web/cli/bench/vocabulary.txt. */
    private static final Map<String, List<String[]>> WORDS = vocabulary("vocabulary.txt");

    private static final String[] TOPICS = list(WORDS, "topics");
    private static final String[][] SUBJECTS = lines(WORDS, "subjects");
    private static final String[][] OBJECTS = lines(WORDS, "objects");
    private static final String[] VERBS = list(WORDS, "verbs");
    private static final String[] QUALIFIERS = list(WORDS, "qualifiers");
    private static final String[] ASIDES = list(WORDS, "asides");
    private static final String[] HYPE = list(WORDS, "hype");
    private static final String[] TITLE_PATTERNS = list(WORDS, "title-patterns");
    private static final String[] PRODUCTS = list(WORDS, "products");
    private static final String[] KINDS = list(WORDS, "kinds");

    private final SplittableRandom random;
    private final Instant now;
    private final Duration span;
    private long next;
    private boolean vectors;

    /** Posts numbered from {@code first} on, so that a second load into the same data adds new posts. */
    public SyntheticPosts(long seed, Instant now, long first) {
        this(seed, now, first, Duration.ofDays(3 * 365));
    }

    /** Posts published within {@code span} before {@code now}. */
    public SyntheticPosts(long seed, Instant now, long first, Duration span) {
        this.random = new SplittableRandom(seed * 1_000_003L + first);
        this.now = now;
        this.span = span;
        this.next = first;
    }

    /** The next post, for one of the feeds with ids {@code feedIds}. */
    public PostDraft next(List<Long> feedIds) {
        long n = next++;
        long feedId = feedIds.get(random.nextInt(feedIds.size()));
        String kind = KINDS[random.nextInt(KINDS.length)];
        int topic = random.nextInt(TOPICS.length);
        int second = random.nextInt(3) == 0 ? random.nextInt(TOPICS.length) : topic;
        String title = title(kind, n, topic, second);
        boolean hype = TOPICS[topic].equals("ai-ml") && random.nextInt(3) == 0;
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<PostFacts.Claim> claims = new ArrayList<>();
        int paragraphs = 1 + (int) Math.min(14, Math.round(Math.exp(random.nextGaussian() * 0.7 + 1.0)));
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(5);
            for (int s = 0; s < sentences; s++) {
                String sentence =
                        hype && s == 0 && p < 2 ? claim(topic, claims, text.length()) : sentence(topic, second);
                paragraph.append(sentence).append(' ');
            }
            String para = paragraph.toString().strip();
            html.append("<p>").append(para).append("</p>");
            text.append(para).append('\n');
        }
        Instant published = now.minus(Duration.ofMinutes(1 + random.nextLong(span.toMinutes() - 1)));
        String body = text.toString().strip();
        String summary = body.length() > 280 ? body.substring(0, body.lastIndexOf(' ', 280)) + "…" : body;
        return new PostDraft(
                feedId,
                "bench-" + n,
                "https://bench-" + feedId + ".example/posts/" + n,
                title,
                "Author " + random.nextInt(500),
                published,
                null,
                summary,
                html.toString(),
                body,
                facts(kind, title, body, n, topic, second, claims),
                List.of());
    }

    /** Posts from now on carry the sentence encoder's vector, as analysed posts do (about 5 ms a post). */
    public SyntheticPosts withVectors() {
        this.vectors = true;
        return this;
    }

    private PostFacts facts(
            String kind, String title, String body, long n, int topic, int second, List<PostFacts.Claim> claims) {
        List<PostFacts.TopicScore> topics = new ArrayList<>();
        topics.add(new PostFacts.TopicScore(TOPICS[topic], 0.6 + random.nextDouble() * 0.35));
        if (second != topic) {
            topics.add(new PostFacts.TopicScore(TOPICS[second], 0.3 + random.nextDouble() * 0.25));
        }
        int hypeScore = claims.stream().mapToInt(PostFacts.Claim::score).max().orElse(0);
        PostFacts.Release release = kind.equals("release")
                ? new PostFacts.Release(
                        title.substring(0, title.indexOf(' ')),
                        title.substring(title.indexOf(' ') + 1, title.lastIndexOf(' ')),
                        random.nextInt(5) == 0,
                        List.of(
                                new ReleaseNote("Improvements", "Faster startup", false),
                                new ReleaseNote("New features", "New " + pick(SUBJECTS[topic]) + " support", false)))
                : null;
        PostFacts.Episode episode = kind.equals("podcast")
                ? new PostFacts.Episode("Bench show " + n % 7, null, (int) (n % 900 + 1), 900 + random.nextInt(3600))
                : null;
        return new PostFacts(
                kind,
                topics,
                hypeScore,
                hypeScore > 50 ? "hype" : "neutral",
                claims,
                release,
                episode,
                vectors ? Encoder.shared().encode(title, body) : null);
    }

    private String title(String kind, long n, int topic, int second) {
        return switch (kind) {
            case "podcast" ->
                "Episode " + (n % 900 + 1) + ": " + pick(SUBJECTS[topic]) + " and " + pick(OBJECTS[topic]);
            case "release" ->
                pick(PRODUCTS) + " " + (random.nextInt(30) + 1) + "." + random.nextInt(12) + "." + random.nextInt(5)
                        + " released";
            case "incident" -> "Postmortem: " + pick(SUBJECTS[topic]) + " outage " + pick(QUALIFIERS);
            case "announcement" -> "Introducing " + pick(SUBJECTS[topic]) + " support for " + pick(OBJECTS[topic]);
            default -> {
                String pattern = pick(TITLE_PATTERNS);
                int slots = pattern.split("%s", -1).length - 1;
                List<Object> args = new ArrayList<>();
                args.add(pick(SUBJECTS[topic]));
                if (slots == 3) {
                    args.add(pick(VERBS));
                }
                if (slots >= 2) {
                    args.add(random.nextBoolean() ? pick(OBJECTS[topic]) : pick(SUBJECTS[second]));
                }
                yield capitalize(String.format(pattern, args.toArray()));
            }
        };
    }

    private String sentence(int topic, int second) {
        int roll = random.nextInt(10);
        if (roll == 9) {
            return pick(ASIDES);
        }
        int about = roll < 6 ? topic : roll < 8 ? second : random.nextInt(TOPICS.length);
        String s = capitalize(pick(SUBJECTS[about])) + " " + pick(VERBS) + " " + pick(OBJECTS[about]) + " "
                + pick(QUALIFIERS);
        int figure = random.nextInt(10);
        if (figure < 3) {
            s += ", by " + (random.nextInt(95) + 2) + "% in " + (random.nextInt(40) + 3) + " runs";
        } else if (figure < 6) {
            s += " " + specific();
        }
        return s + ".";
    }

    /** The particulars real posts are full of, which make their vocabulary long-tailed. */
    private String specific() {
        return switch (random.nextInt(5)) {
            case 0 -> "for AS" + (64_512 + random.nextInt(1_000));
            case 1 -> "on et-0/0/" + random.nextInt(48) + " of rtr-" + Integer.toString(random.nextInt(4_000), 36);
            case 2 -> "towards 10." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24";
            case 3 -> "since version " + random.nextInt(20) + "." + random.nextInt(10) + "." + random.nextInt(10);
            default -> "as ticket NET-" + random.nextInt(100_000) + " shows";
        };
    }

    /** A hype claim opening a paragraph that starts at {@code start} of the text. */
    private String claim(int topic, List<PostFacts.Claim> claims, int start) {
        String sentence = capitalize(pick(SUBJECTS[topic])) + " " + pick(HYPE) + ".";
        claims.add(new PostFacts.Claim(
                "text",
                start,
                start + sentence.length(),
                sentence,
                55 + random.nextInt(45),
                "hype",
                List.of("scope: 'every network'")));
        return sentence;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The sections of the vocabulary file: each line of a section split at " | ". */
    private static Map<String, List<String[]>> vocabulary(String name) {
        Map<String, List<String[]>> sections = new HashMap<>();
        List<String[]> section = null;
        try (InputStream in = SyntheticPosts.class.getResourceAsStream(name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("[")) {
                    section = sections.computeIfAbsent(line.substring(1, line.indexOf(']')), k -> new ArrayList<>());
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    section.add(line.strip().split(" \\| "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " beside " + SyntheticPosts.class.getName(), e);
        }
        return sections;
    }

    /** A section of one line a topic. */
    private static String[][] lines(Map<String, List<String[]>> words, String section) {
        return words.get(section).toArray(String[][]::new);
    }

    /** A section of one list, over as many lines as it takes. */
    private static String[] list(Map<String, List<String[]>> words, String section) {
        return words.get(section).stream().flatMap(Arrays::stream).toArray(String[]::new);
    }
}
