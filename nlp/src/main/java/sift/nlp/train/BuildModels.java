package sift.nlp.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import sift.nlp.corpus.Corpus;
import sift.nlp.corpus.Example;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.embed.Encoder;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.StanceModel;
import sift.nlp.kind.KindClassifier;
import sift.nlp.topic.TopicModel;

/**
 * Trains the bundled models at build time: {@code BuildModels CORPUS_DIR OUT_DIR} reads every
 * {@code CORPUS_DIR/train/*.jsonl}, {@code heldout/*.jsonl} and the stance corpus's parts in name order, writes them as one file each
 * under {@code OUT_DIR/sift/nlp/corpus/}, and the models under {@code OUT_DIR/sift/nlp/models/} with their
 * version (a digest of the training corpus, the vocabulary files and a name for the code that trains).
 * Deterministic: the same corpus gives the same bytes. When the version is already built, nothing is trained
 * again.
 */
public final class BuildModels {
    /** Changes whenever training changes in a way the corpus digest cannot see (features, parameters). */
    static final String TRAINING =
            "topics-ovr-qn-l2-2-floor-vocabulary-minilm-blend;kind-qn-three-views-headline-lead-signals-minilm-soft-blend-sure-7-news-first;features-2-vocabulary;minilm-40-words;stance-4-reported-prediction-negation-tokens";

    private BuildModels() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuildModels CORPUS_DIR OUT_DIR");
        }
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        byte[] train = concatenate(corpus.resolve("train"));
        byte[] stance = concatenate(corpus.resolve("stance"));
        byte[] heldOut = concatenate(corpus.resolve("heldout"));
        Path corpusOut = out.resolve(Corpus.TRAIN.substring(1)).getParent();
        Files.createDirectories(corpusOut);
        Files.write(out.resolve(Corpus.TRAIN.substring(1)), train);
        Files.write(out.resolve(Corpus.HELD_OUT.substring(1)), heldOut);
        Files.write(out.resolve(Corpus.DEV.substring(1)), concatenate(corpus.resolve("dev")));
        Files.write(out.resolve(StanceCorpus.TRAIN.substring(1)), stance);
        Files.write(out.resolve(StanceCorpus.HELD_OUT.substring(1)), concatenate(corpus.resolve("stance-heldout")));
        Files.write(
                out.resolve(StanceCorpus.POSTS_HELD_OUT.substring(1)),
                concatenate(corpus.resolve("stance-posts-heldout")));

        // the vocabulary files shape the features as much as the corpus does: a change to them is a new version
        String version = digest(
                train,
                stance,
                Files.readAllBytes(out.resolve("sift/nlp/topic-words.txt")),
                Files.readAllBytes(out.resolve("sift/nlp/hype-words.txt")));
        Path models = out.resolve("sift/nlp/models");
        Path propertiesFile = models.resolve("models.properties");
        if (Files.exists(propertiesFile) && Files.readString(propertiesFile).contains("version=" + version)) {
            System.out.println("sift-nlp: models " + version + " are up to date");
            return;
        }
        long started = System.nanoTime();
        List<Example> examples = Corpus.parse(train, "train");
        Files.createDirectories(models);
        Properties properties = new Properties();
        List<float[]> vectors =
                Encoder.shared().encodeAll(examples.stream().map(Example::doc).toList());
        TopicModel.train(examples, vectors).write(models, properties);
        KindClassifier.train(examples, vectors).write(models, properties);
        List<StanceModel.Labelled> stances = StanceCorpus.parse(stance, "stance");
        StanceModel.train(stances, HypeLexicon.bundled()).write(models);
        properties.setProperty("stance.examples", Integer.toString(stances.size()));
        properties.setProperty("version", version);
        properties.setProperty("examples", Integer.toString(examples.size()));
        try (OutputStream o = Files.newOutputStream(propertiesFile)) {
            // sorted and without the date line Properties.store writes, so that the same corpus gives the same bytes
            StringBuilder text = new StringBuilder();
            properties.stringPropertyNames().stream()
                    .sorted()
                    .forEach(k -> text.append(k)
                            .append('=')
                            .append(properties.getProperty(k))
                            .append('\n'));
            o.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        System.out.printf(
                "sift-nlp: trained models %s on %d examples in %.1f s%n",
                version, examples.size(), (System.nanoTime() - started) / 1e9);
    }

    private static byte[] concatenate(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .forEach(files::add);
        }
        var all = new ByteArrayOutputStream();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            all.write(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                all.write('\n');
            }
        }
        return all.toByteArray();
    }

    private static String digest(byte[]... inputs) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(TRAINING.getBytes(StandardCharsets.UTF_8));
        for (byte[] input : inputs) {
            sha.update(input);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
