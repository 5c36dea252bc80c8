package sift.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;

/**
 * Realistic synthetic posts for benchmarks, the same for the same seed. Each post is about one topic, often
 * touching a second: most of its sentences draw their subject from that topic's vocabulary, as real writing
 * does, and carry the specifics real posts are full of (AS numbers, interfaces, prefixes, versions). Lengths
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
    private static final String[] VERBS = {
        "reduces", "increases", "breaks", "replaces", "depends on", "hides", "exposes", "simplifies", "complicates",
        "speeds up", "slows down", "interacts badly with", "protects", "overloads", "isolates", "duplicates",
        "measures", "monitors", "reroutes around", "converges faster than", "scales better than"};
    private static final String[] OBJECTS = {
        "convergence time", "the failure domain", "packet loss", "tail latency", "the blast radius",
        "the control plane", "the data plane", "the routing table", "prefix limits", "MTU problems",
        "ECMP hashing", "elephant flows", "incast", "route leaks", "configuration drift", "change windows",
        "the on-call load", "troubleshooting time", "the monthly bill", "power draw", "buffer occupancy",
        "job completion time", "flap damping", "lab validation", "rollback plans", "the learning curve"};
    private static final String[] QUALIFIERS = {
        "in our lab", "in production", "during the last outage", "on a 512-GPU cluster", "at the edge",
        "across three data centers", "after the upgrade", "with default settings", "under load",
        "in most enterprise networks", "according to the vendor", "in every test we ran", "at 400G",
        "once the timers were tuned", "when the link flaps", "without any change on the hosts"};
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
    private long next;

    public SyntheticPosts(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.now = now;
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
                String sentence = hype && s == 0 && p < 2 ? claim(topic, claims) : sentence(topic, second);
                paragraph.append(sentence).append(' ');
            }
            String para = paragraph.toString().strip();
            html.append("<p>").append(para).append("</p>");
            text.append(para).append('\n');
        }
        Instant published = now.minus(Duration.ofMinutes(random.nextLong(3L * 365 * 24 * 60)));
        String body = text.toString().strip();
        String summary = body.length() > 280 ? body.substring(0, body.lastIndexOf(' ', 280)) + "…" : body;
        return new PostDraft(feedId, "bench-" + n, "https://bench-" + feedId + ".example/posts/" + n, title,
                "Author " + random.nextInt(500), published, null, summary, html.toString(), body,
                facts(kind, title, n, topic, second, claims), List.of());
    }

    private PostFacts facts(String kind, String title, long n, int topic, int second, List<PostFacts.Claim> claims) {
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
        return new PostFacts(kind, topics, hypeScore, hypeScore > 50 ? "hype" : "neutral", claims, release, episode);
    }

    private String title(String kind, long n, int topic, int second) {
        return switch (kind) {
            case "podcast" -> "Episode " + (n % 900 + 1) + ": " + pick(SUBJECTS[topic]) + " and " + pick(OBJECTS);
            case "release" -> pick(PRODUCTS) + " " + (random.nextInt(30) + 1) + "." + random.nextInt(12) + "."
                    + random.nextInt(5) + " released";
            case "incident" -> "Postmortem: " + pick(SUBJECTS[topic]) + " outage " + pick(QUALIFIERS);
            case "announcement" -> "Introducing " + pick(SUBJECTS[topic]) + " support for " + pick(OBJECTS);
            default -> {
                String pattern = pick(TITLE_PATTERNS);
                int slots = pattern.split("%s", -1).length - 1;
                List<Object> args = new ArrayList<>();
                args.add(pick(SUBJECTS[topic]));
                if (slots == 3) {
                    args.add(pick(VERBS));
                }
                if (slots >= 2) {
                    args.add(random.nextBoolean() ? pick(OBJECTS) : pick(SUBJECTS[second]));
                }
                yield capitalize(String.format(pattern, args.toArray()));
            }
        };
    }

    private String sentence(int topic, int second) {
        int roll = random.nextInt(10);
        String[] subjects = SUBJECTS[roll < 6 ? topic : roll < 9 ? second : random.nextInt(SUBJECTS.length)];
        String s = capitalize(pick(subjects)) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(QUALIFIERS);
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

    private String claim(int topic, List<PostFacts.Claim> claims) {
        String sentence = capitalize(pick(SUBJECTS[topic])) + " " + pick(HYPE) + ".";
        claims.add(new PostFacts.Claim(sentence, 55 + random.nextInt(45), "hype", List.of("unbounded promise")));
        return sentence;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
