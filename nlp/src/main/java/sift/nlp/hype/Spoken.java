package sift.nlp.hype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import opennlp.tools.util.Span;

/**
 * A transcript as one text to find sentences in, so that a sentence said over several cues is one sentence: the
 * cues of one speaker joined by spaces, each change of speaker a new line (a sentence never runs from one speaker
 * into the next); and the cue each character came from, so that a sentence has its time and speaker.
 */
final class Spoken {
    final String text;
    private final List<Hype.Cue> cues;
    /** Where each cue starts in the text. */
    private final int[] starts;

    private Spoken(String text, List<Hype.Cue> cues, int[] starts) {
        this.text = text;
        this.cues = cues;
        this.starts = starts;
    }

    static Spoken of(List<Hype.Cue> cues) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[cues.size()];
        for (int i = 0; i < cues.size(); i++) {
            if (i > 0) {
                text.append(
                        Objects.equals(cues.get(i).speaker(), cues.get(i - 1).speaker()) ? ' ' : '\n');
            }
            starts[i] = text.length();
            text.append(cues.get(i).text().strip().replace('\n', ' ').replace('\r', ' '));
        }
        return new Spoken(text.toString(), List.copyOf(cues), starts);
    }

    /** The cue that the character at {@code offset} of the text belongs to. */
    Hype.Cue cueAt(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return cues.get(i >= 0 ? i : Math.max(0, -i - 2));
    }

    /**
     * The first {@code max} sentences. A transcript written without punctuation runs on for minutes: a "sentence"
     * longer than {@code maxChars} is cut where its cues start, so that each cue is judged on its own.
     */
    Span[] sentences(int max, int maxChars) {
        List<Span> out = new ArrayList<>();
        for (Span s : Sentences.of(text, max)) {
            if (s.length() <= maxChars) {
                out.add(s);
                continue;
            }
            int from = s.getStart();
            int i = Arrays.binarySearch(starts, from + 1);
            for (i = i >= 0 ? i : -i - 1; i < starts.length && starts[i] < s.getEnd(); i++) {
                add(out, from, starts[i]);
                from = starts[i];
            }
            add(out, from, s.getEnd());
        }
        return out.subList(0, Math.min(max, out.size())).toArray(Span[]::new);
    }

    /** The piece from {@code start} to {@code end}, without the spaces around it, if it has anything else. */
    private void add(List<Span> out, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }
}
