package sift.nlp.hype;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.util.Span;

/** Sentences with their character spans, by OpenNLP's English sentence model (UD English-EWT, from Maven). */
final class Sentences {
    static final String MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final ThreadSafeSentenceDetectorME DETECTOR = new ThreadSafeSentenceDetectorME(
            PretrainedModel.<SentenceModel>read(MODEL, "sentence model", SentenceModel::new));

    private Sentences() {}

    /**
     * The first {@code max} sentences of a text, each line break ending one (feeds' plain text keeps paragraphs as
     * lines); the rest of a long text is not read.
     */
    static Span[] of(String text, int max) {
        List<Span> all = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length() && all.size() < max) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                for (Span s : DETECTOR.sentPosDetect(line)) {
                    all.add(new Span(lineStart + s.getStart(), lineStart + s.getEnd()));
                }
            }
            lineStart = lineEnd + 1;
        }
        return all.toArray(Span[]::new);
    }
}
