package sift.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sift.store.post.PostDraft;

/**
 * Realistic synthetic posts for benchmarks, the same for the same seed: titles and paragraphs built from the
 * vocabulary of network engineering, lengths from a few sentences to long articles, five kinds, dates spread
 * over three years, many feeds.
 */
public final class SyntheticPosts {
    private static final String[] SUBJECTS = {
        "BGP", "OSPF", "IS-IS", "EVPN", "VXLAN", "MPLS", "segment routing", "SRv6", "RoCEv2", "RDMA", "Ultra Ethernet",
        "IPv6", "DNS", "DNSSEC", "RPKI", "CG-NAT", "NAT64", "QUIC", "TCP", "Kubernetes networking", "the CNI plugin",
        "eBPF", "the load balancer", "the firewall", "the route reflector", "the spine layer", "the leaf switches",
        "the border routers", "the peering fabric", "the IXP route server", "the DDoS scrubbing layer", "Ansible",
        "Nornir", "netlab", "containerlab", "Batfish", "NetBox", "gNMI telemetry", "sFlow", "the GPU cluster",
        "the training fabric", "PFC", "ECN", "DCQCN", "the optics", "the transceivers", "the WAN", "SD-WAN",
        "the CDN edge", "Workers", "the inference tier", "the LLM assistant", "the AI copilot", "AIOps",
        "network automation", "the NetDevOps pipeline", "congestion control"};
    private static final String[] VERBS = {
        "reduces", "increases", "breaks", "replaces", "depends on", "hides", "exposes", "simplifies", "complicates",
        "speeds up", "slows down", "interacts badly with", "protects", "overloads", "isolates", "duplicates",
        "measures", "monitors", "reroutes around", "converges faster than", "scales better than"};
    private static final String[] OBJECTS = {
        "convergence time", "the failure domain", "packet loss", "tail latency", "the blast radius",
        "the control plane", "the data plane", "the routing table", "prefix limits", "MTU problems",
        "ECMP hashing", "elephant flows", "incast", "route leaks", "configuration drift", "change windows",
        "the on-call load", "troubleshooting time", "the monthly bill", "power draw", "buffer occupancy",
        "job completion time", "flap damping", "the source of truth", "lab validation", "rollback plans"};
    private static final String[] QUALIFIERS = {
        "in our lab", "in production", "during the last outage", "on a 512-GPU cluster", "at the edge",
        "across three data centers", "after the upgrade", "with default settings", "under load",
        "in most enterprise networks", "according to the vendor", "in every test we ran", "at 400G",
        "once the timers were tuned", "when the link flaps", "without any change on the hosts"};
    private static final String[] TITLE_PATTERNS = {
        "Why %s %s %s", "%s and %s: notes from production", "Debugging %s with %s",
        "What %s means for %s", "A closer look at %s", "%s is not a replacement for %s",
        "Lessons from migrating %s to %s", "How %s really affects %s"};
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
        String title = title(kind, n);
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int paragraphs = 1 + (int) Math.min(14, Math.round(Math.exp(random.nextGaussian() * 0.7 + 1.0)));
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(5);
            for (int s = 0; s < sentences; s++) {
                paragraph.append(sentence()).append(' ');
            }
            String para = paragraph.toString().strip();
            html.append("<p>").append(para).append("</p>");
            text.append(para).append(' ');
        }
        Instant published = now.minus(Duration.ofMinutes(random.nextLong(3L * 365 * 24 * 60)));
        String body = text.toString().strip();
        String summary = body.length() > 280 ? body.substring(0, body.lastIndexOf(' ', 280)) + "…" : body;
        return new PostDraft(feedId, "bench-" + n, "https://bench-" + feedId + ".example/posts/" + n, title,
                "Author " + random.nextInt(500), published, null, summary, html.toString(), body, kind, List.of());
    }

    private String title(String kind, long n) {
        return switch (kind) {
            case "podcast" -> "Episode " + (n % 900 + 1) + ": " + pick(SUBJECTS) + " and " + pick(OBJECTS);
            case "release" -> pick(new String[] {"netlab", "containerlab", "FRRouting", "Batfish", "NetBox", "GoBGP"})
                    + " " + (random.nextInt(30) + 1) + "." + random.nextInt(12) + "." + random.nextInt(5) + " released";
            case "incident" -> "Postmortem: " + pick(SUBJECTS) + " outage " + pick(QUALIFIERS);
            case "announcement" -> "Introducing " + pick(SUBJECTS) + " support for " + pick(OBJECTS);
            default -> {
                String pattern = pick(TITLE_PATTERNS);
                int slots = pattern.split("%s", -1).length - 1;
                List<Object> args = new ArrayList<>();
                args.add(pick(SUBJECTS));
                if (slots == 3) {
                    args.add(pick(VERBS));
                }
                if (slots >= 2) {
                    args.add(pick(OBJECTS));
                }
                yield capitalize(String.format(pattern, args.toArray()));
            }
        };
    }

    private String sentence() {
        String s = capitalize(pick(SUBJECTS)) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(QUALIFIERS);
        int figure = random.nextInt(10);
        if (figure < 3) {
            s += ", by " + (random.nextInt(95) + 2) + "% in " + (random.nextInt(40) + 3) + " runs";
        }
        return s + ".";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
