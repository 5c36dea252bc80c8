package sift.ingest.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedFeed;

/**
 * Parse throughput: Sift's parse and clean (repair, strict read, mapping, sanitising every title, summary and
 * content) against plain Rome building its model from the same bytes, alternating round by round.
 */
public final class ParseBench {
    private ParseBench() {}

    public static void run(List<byte[]> corpus, int warmup, int rounds, PrintWriter out) throws Exception {
        long bytes = corpus.stream().mapToLong(b -> b.length).sum();
        FeedParser parser = new FeedParser();
        HtmlCleaner cleaner = new HtmlCleaner();
        int items = 0;
        for (byte[] feed : corpus) {
            items += parser.parse(feed, null).entries().size();
        }
        out.printf(
                Locale.ROOT,
                "%d feeds, %d items, %.1f MB; %d rounds after %d warm-up rounds%n",
                corpus.size(),
                items,
                bytes / 1e6,
                rounds,
                warmup);
        double[] rome = new double[rounds];
        double[] sift = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
            boolean romeFirst = (r & 1) == 0;
            double a = romeFirst ? timeRome(corpus) : timeSift(corpus, parser, cleaner);
            double b = romeFirst ? timeSift(corpus, parser, cleaner) : timeRome(corpus);
            if (r >= 0) {
                rome[r] = romeFirst ? a : b;
                sift[r] = romeFirst ? b : a;
            }
        }
        double romeMedian = median(rome);
        double siftMedian = median(sift);
        out.printf(
                Locale.ROOT,
                "plain Rome (SyndFeedInput):         median %7.1f ms a round: %6.1f MB/s, %7.0f items/s%n",
                romeMedian,
                bytes / 1e3 / romeMedian,
                items * 1000 / romeMedian);
        out.printf(
                Locale.ROOT,
                "Sift parse + clean (what it stores): median %7.1f ms a round: %6.1f MB/s, %7.0f items/s%n",
                siftMedian,
                bytes / 1e3 / siftMedian,
                items * 1000 / siftMedian);
        out.printf(Locale.ROOT, "Sift at %.2f of plain Rome's speed%n", romeMedian / siftMedian);
        out.flush();
    }

    private static double timeRome(List<byte[]> corpus) throws Exception {
        long start = System.nanoTime();
        int sink = 0;
        for (byte[] feed : corpus) {
            try (XmlReader reader = new XmlReader(new ByteArrayInputStream(feed), true)) {
                SyndFeed parsed = new SyndFeedInput().build(reader);
                sink += parsed.getEntries().size();
            } catch (FeedException e) {
                sink--; // Rome refuses what it cannot read; its time counts all the same
            }
        }
        return sink == Integer.MIN_VALUE ? 0 : (System.nanoTime() - start) / 1e6;
    }

    private static double timeSift(List<byte[]> corpus, FeedParser parser, HtmlCleaner cleaner) throws Exception {
        long start = System.nanoTime();
        int sink = 0;
        for (byte[] feed : corpus) {
            ParsedFeed parsed = parser.parse(feed, null);
            for (ParsedEntry entry : parsed.entries()) {
                sink += cleaner.entry(entry, parsed.link()).content().html().length();
            }
        }
        return sink == Integer.MIN_VALUE ? 0 : (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
