package sift.web.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.nlp.Analysis;
import sift.nlp.Analyzer;
import sift.nlp.corpus.Corpus;
import sift.nlp.corpus.Example;
import sift.nlp.embed.Encoder;
import sift.nlp.text.Document;

/**
 * {@code sift bench-nlp}: how long the bundled models take to load, and how many posts of about 4 KB one thread
 * analyses per second (topics, kind, AI claims, release and episode together). The posts are the training corpus's texts,
 * each joined with the ones after it until it reaches 4 KB.
 */
@Command(
        name = "bench-nlp",
        mixinStandardHelpOptions = true,
        description = "Time model loading and the analysis of 4 KB posts on one thread.")
public final class BenchNlpCommand implements Callable<Integer> {
    static final int POST_CHARS = 4096;

    @Option(names = "--posts", defaultValue = "4000", description = "posts a round (default 4000)")
    int posts;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds after one warm-up round (default 5)")
    int rounds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (posts < 1 || rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--posts and --rounds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Analyzer analyzer = new Analyzer();
        double firstLoad = (System.nanoTime() - started) / 1e6;
        double[] loads = new double[5];
        for (int i = 0; i < loads.length; i++) {
            long s = System.nanoTime();
            new Analyzer();
            loads[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(loads);
        out.printf("model loading: first %.0f ms (with class loading), then median %.0f ms%n", firstLoad, loads[2]);
        long encoderStarted = System.nanoTime();
        Encoder.shared().encode("", "load");
        out.printf(
                "sentence encoder loading (once a process, on first use): %.0f ms%n",
                (System.nanoTime() - encoderStarted) / 1e6);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        List<Document> docs = posts(Corpus.bundled(Corpus.TRAIN), posts);
        long chars = docs.stream()
                .mapToLong(d -> d.title().length() + d.text().length())
                .sum();
        double[] rates = new double[rounds];
        double[] perCpuSecond = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long s = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            int kinds = 0;
            for (Document d : docs) {
                Analysis a = analyzer.analyze(d);
                kinds += a.kind().ordinal() + a.hype().claims().size();
            }
            double seconds = (System.nanoTime() - s) / 1e9;
            if (round >= 0) {
                rates[round] = docs.size() / seconds;
                perCpuSecond[round] = docs.size() / ((os.getProcessCpuTime() - cpu) / 1e9);
            }
            if (kinds < 0) {
                out.println("impossible"); // keeps the JIT from dropping the work
            }
        }
        Arrays.sort(rates);
        out.printf(
                "analysis, one thread: median %.0f posts/s of %.1f KB on average (rounds: %s)%n",
                rates[rounds / 2],
                chars / 1024.0 / docs.size(),
                Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
        Arrays.sort(perCpuSecond);
        out.printf(
                "analysis per CPU second of the process (the encoder's native threads included): median %.0f posts%n",
                perCpuSecond[rounds / 2]);
        out.flush();
        return 0;
    }

    /** {@code n} posts of about 4 KB, each a corpus text joined with the texts after it. */
    static List<Document> posts(List<Example> corpus, int n) {
        List<Document> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Example first = corpus.get(i % corpus.size());
            StringBuilder text = new StringBuilder(first.doc().text());
            for (int j = 1; text.length() < POST_CHARS; j++) {
                text.append('\n')
                        .append(corpus.get((i + j) % corpus.size()).doc().text());
            }
            docs.add(new Document(
                    first.doc().title(),
                    text.substring(0, POST_CHARS),
                    first.doc().link(),
                    List.of(),
                    first.doc().enclosureTypes(),
                    first.doc().feedTitle(),
                    first.doc().episodeTag(),
                    null,
                    null));
        }
        return docs;
    }
}
