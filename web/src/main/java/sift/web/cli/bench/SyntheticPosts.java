package sift.web.cli.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sift.nlp.embed.Encoder;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;

/**
 * Realistic synthetic posts for benchmarks, the same for the same seed. Each post is about one topic, often
 * touching a second: most of its sentences draw their subject and object from that topic's vocabulary, as real
 * writing does, so that a technical word is in a few percent of all posts, not in most; and they carry the
 * specifics real posts are full of (AS numbers, interfaces, prefixes, versions). Lengths
 * run from a few sentences to long articles; five kinds; dates over three years; many feeds; facts (topics,
 * hype, release, episode) as the NLP would store them.
 */
public final class SyntheticPosts {
    private static final String[] TOPICS = {
        "routing", "datacenter", "security", "automation", "cloud", "ai-ml", "operations", "internet", "career"};
    /** Subjects of each topic, in the order of {@link #TOPICS}. */
    private static final String[][] SUBJECTS = {
        {"BGP", "OSPF", "IS-IS", "EVPN", "MPLS", "segment routing", "SRv6", "the route reflector", "BGP add-path",
            "LDP", "RSVP-TE", "the IGP", "route maps", "the border routers", "BFD", "graceful restart"},
        {"VXLAN", "RoCEv2", "RDMA", "Ultra Ethernet", "the spine layer", "the leaf switches", "PFC", "ECN",
            "DCQCN", "the training fabric", "the GPU cluster", "the optics", "the transceivers", "SmartNICs",
            "the rail-optimized topology", "MLAG"},
        {"the firewall", "the DDoS scrubbing layer", "RPKI", "DNSSEC", "TLS 1.3", "the WAF", "bot management",
            "zero trust access", "the IPsec tunnels", "MACsec", "the CVE fix", "post-quantum key exchange"},
        {"Ansible", "Nornir", "netlab", "containerlab", "Batfish", "NetBox", "the NetDevOps pipeline",
            "Terraform", "the CI runner", "network automation", "gNMI", "the source of truth", "pyATS"},
        {"Kubernetes networking", "the CNI plugin", "eBPF", "the load balancer", "the CDN edge", "Workers",
            "the service mesh", "Cilium", "the VPC peering", "serverless functions", "the transit gateway"},
        {"the LLM assistant", "the AI copilot", "AIOps", "the inference tier", "the model", "the agent",
            "GPU scheduling", "retrieval augmented generation", "the chatbot", "vector search"},
        {"the on-call rotation", "the postmortem", "sFlow", "gNMI telemetry", "the monitoring stack",
            "the alerting rules", "the change window", "the rollback", "SNMP polling", "the runbook", "syslog"},
        {"IPv6", "DNS", "CG-NAT", "NAT64", "QUIC", "TCP", "the IXP route server", "the peering fabric",
            "anycast", "the RIPE Atlas probes", "the prefix list", "happy eyeballs", "DHCPv6"},
        {"the CCIE lab", "the study group", "the mentoring program", "the conference talk", "burnout",
            "the job interview", "the home lab", "the certification track", "the team lead"}};
    /** Objects of each topic, in the order of {@link #TOPICS}: what its posts are concerned with. */
    private static final String[][] OBJECTS = {
        {"convergence time", "the routing table", "prefix limits", "route leaks", "flap damping", "path selection",
            "next-hop tracking", "the label stack", "the RIB", "ECMP hashing", "the control plane", "policy"},
        {"tail latency", "packet loss", "buffer occupancy", "elephant flows", "incast", "job completion time",
            "power draw", "the optics budget", "the MTU", "the failure domain", "link utilization", "rack density"},
        {"the attack surface", "credential theft", "the blast radius", "key rotation", "bot traffic",
            "certificate expiry", "lateral movement", "the audit trail", "patch windows", "amplification attacks"},
        {"configuration drift", "lab validation", "the source of truth", "pull requests", "test coverage",
            "the rollout pipeline", "templating", "inventory data", "idempotency", "pre-change checks"},
        {"the monthly bill", "cold starts", "egress costs", "service discovery", "pod-to-pod traffic",
            "the edge cache hit rate", "regional failover", "network policies", "origin load"},
        {"the token budget", "hallucinations", "GPU utilization", "inference latency", "the context window",
            "model accuracy", "the evaluation set", "prompt design", "training cost"},
        {"the on-call load", "troubleshooting time", "alert fatigue", "rollback plans", "mean time to repair",
            "the error budget", "change windows", "capacity planning", "dashboards"},
        {"address exhaustion", "reverse DNS", "peering costs", "path MTU discovery", "resolver load",
            "IPv6 adoption", "the transit bill", "anycast catchments", "measurement accuracy"},
        {"the learning curve", "career growth", "work-life balance", "imposter syndrome", "hiring",
            "team culture", "documentation habits", "conference talks", "certifications"}};
    private static final String[] VERBS = {
        "reduces", "increases", "breaks", "replaces", "depends on", "hides", "exposes", "simplifies", "complicates",
        "speeds up", "slows down", "interacts badly with", "protects", "overloads", "isolates", "duplicates",
        "measures", "monitors", "reroutes around", "improves", "hurts", "stabilizes", "changes", "affects",
        "doubles", "halves", "caps", "tracks", "explains", "predicts", "shapes", "limits", "raises", "lowers",
        "shifts", "masks", "reveals", "determines", "undermines", "drives"};
    private static final String[] QUALIFIERS = {
        "in our lab", "in production", "during the last incident", "on a 512-GPU cluster", "at the edge",
        "across three data centers", "after the upgrade", "with default settings", "under load",
        "in most enterprise networks", "according to the vendor", "in every test we ran", "at 400G",
        "once the timers were tuned", "when a link flaps", "without any change on the hosts", "on Monday morning",
        "for the third time this year", "in the smaller sites", "on the new hardware", "in a lab of eight nodes",
        "before anyone noticed", "at peak hour", "in the branch offices", "since the migration", "in theory",
        "more than expected", "less than the datasheet claims", "for most customers", "in the long run"};
    /** Sentences of no particular topic, as every post has between its technical ones. */
    private static final String[] ASIDES = {
        "We will come back to this in a later post.", "Your mileage may vary.", "That was not what we expected.",
        "The details matter here.", "Nobody likes surprises at three in the morning.",
        "It is easy to get this wrong.", "The documentation says little about it.",
        "Thanks to everyone who sent feedback on the previous post.", "This is where it gets interesting.",
        "Read the fine print before you order.", "Ask your vendor for the numbers.", "We learned this the hard way."};
    private static final String[] HYPE = {
        "will revolutionize every network", "eliminates outages entirely", "understands your network like an expert",
        "is the most advanced platform ever built", "cuts operating costs by up to 90%"};
    private static final String[] TITLE_PATTERNS = {
        "Why %s %s %s", "%s and %s: notes from production", "Debugging %s with %s",
        "What %s means for %s", "A closer look at %s", "%s is not a replacement for %s",
        "Lessons from migrating %s to %s", "How %s really affects %s"};
    private static final String[] PRODUCTS = {"netlab", "containerlab", "FRRouting", "Batfish", "NetBox", "GoBGP"};
    private static final String[] KINDS = {"article", "article", "article", "podcast", "release", "incident", "announcement"};

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
                String sentence = hype && s == 0 && p < 2 ? claim(topic, claims, text.length()) : sentence(topic, second);
                paragraph.append(sentence).append(' ');
            }
            String para = paragraph.toString().strip();
            html.append("<p>").append(para).append("</p>");
            text.append(para).append('\n');
        }
        Instant published = now.minus(Duration.ofMinutes(1 + random.nextLong(span.toMinutes() - 1)));
        String body = text.toString().strip();
        String summary = body.length() > 280 ? body.substring(0, body.lastIndexOf(' ', 280)) + "…" : body;
        return new PostDraft(feedId, "bench-" + n, "https://bench-" + feedId + ".example/posts/" + n, title,
                "Author " + random.nextInt(500), published, null, summary, html.toString(), body,
                facts(kind, title, body, n, topic, second, claims), List.of());
    }

    /** Posts from now on carry the sentence encoder's vector, as analysed posts do (about 5 ms a post). */
    public SyntheticPosts withVectors() {
        this.vectors = true;
        return this;
    }

    private PostFacts facts(String kind, String title, String body, long n, int topic, int second,
            List<PostFacts.Claim> claims) {
        List<PostFacts.TopicScore> topics = new ArrayList<>();
        topics.add(new PostFacts.TopicScore(TOPICS[topic], 0.6 + random.nextDouble() * 0.35));
        if (second != topic) {
            topics.add(new PostFacts.TopicScore(TOPICS[second], 0.3 + random.nextDouble() * 0.25));
        }
        int hypeScore = claims.stream().mapToInt(PostFacts.Claim::score).max().orElse(0);
        PostFacts.Release release = kind.equals("release")
                ? new PostFacts.Release(title.substring(0, title.indexOf(' ')),
                        title.substring(title.indexOf(' ') + 1, title.lastIndexOf(' ')), random.nextInt(5) == 0,
                        List.of("Faster startup", "New " + pick(SUBJECTS[topic]) + " support"))
                : null;
        PostFacts.Episode episode = kind.equals("podcast")
                ? new PostFacts.Episode("Bench show " + n % 7, null, (int) (n % 900 + 1), 900 + random.nextInt(3600))
                : null;
        return new PostFacts(kind, topics, hypeScore, hypeScore > 50 ? "hype" : "neutral", claims, release, episode,
                vectors ? Encoder.shared().encode(title, body) : null);
    }

    private String title(String kind, long n, int topic, int second) {
        return switch (kind) {
            case "podcast" -> "Episode " + (n % 900 + 1) + ": " + pick(SUBJECTS[topic]) + " and " + pick(OBJECTS[topic]);
            case "release" -> pick(PRODUCTS) + " " + (random.nextInt(30) + 1) + "." + random.nextInt(12) + "."
                    + random.nextInt(5) + " released";
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
        claims.add(new PostFacts.Claim("text", start, start + sentence.length(), sentence, 55 + random.nextInt(45),
                "hype", List.of("scope: 'every network'")));
        return sentence;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
