package sift.web.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;

/**
 * A fixed mix of queries run against the index, one client, after a warm-up: latency of {@code search()}
 * as a page sees it (query, top 20, snippets from the database), in percentiles.
 */
public final class SearchBench {
    /** Words, phrases, exclusion, OR, parentheses, filters, dates and date order: the syntax readers use. */
    public static final List<String> QUERIES = List.of(
            "bgp",
            "\"route reflector\"",
            "evpn vxlan -mlag",
            "ipv6 OR dns",
            "kind:podcast ansible",
            "(ospf OR isis) convergence",
            "rdma incast after:2025-01-01",
            "kubernetes networking",
            "postmortem outage -kind:release",
            "\"packet loss\" latency",
            "netbox kind:release",
            "optics power draw");

    private SearchBench() {}

    /**
     * Runs every query {@code rounds} times after {@code warmup} rounds; prints and returns [p50, p90, p99, max] in ms.
     * {@code meaning}: the encoder of a query's meaning, null for words alone.
     */
    public static double[] run(
            SearchIndex index, int warmup, int rounds, Function<String, float[]> meaning, PrintWriter out) {
        for (int i = 0; i < warmup; i++) {
            for (String q : QUERIES) {
                index.search(request(q, meaning));
            }
        }
        List<Double> all = new ArrayList<>();
        for (String q : QUERIES) {
            double[] times = new double[rounds];
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                total = index.search(request(q, meaning)).total();
                times[i] = (System.nanoTime() - start) / 1e6;
                all.add(times[i]);
            }
            Arrays.sort(times);
            out.printf(
                    "%-36s %9d hits  p50 %6.2f ms  p99 %6.2f ms%n",
                    q, total, percentile(times, 50), percentile(times, 99));
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] summary = {
            percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]
        };
        out.printf(
                "all %d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, summary[0], summary[1], summary[2], summary[3]);
        out.flush();
        return summary;
    }

    /** The query as the search page asks it: newest first with a date, else by relevance, with its meaning. */
    private static SearchRequest request(String q, Function<String, float[]> meaning) {
        SearchRequest.Order order = q.contains("after:") ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE;
        return new SearchRequest(
                q,
                20,
                0,
                order,
                null,
                meaning != null && order == SearchRequest.Order.RELEVANCE && SearchIndex.findsByMeaning(q)
                        ? meaning.apply(q)
                        : null);
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
