package sift.store.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Turns the highlighter's passages into a {@link Snippet}: plain text pieces, matches marked, no markup. */
final class SnippetFormatter extends PassageFormatter {
    @Override
    public Snippet format(Passage[] passages, String content) {
        List<Snippet.Piece> pieces = new ArrayList<>();
        int previousEnd = -1;
        for (Passage passage : passages) {
            if (previousEnd >= 0 && passage.getStartOffset() > previousEnd) {
                pieces.add(new Snippet.Piece(" … ", false));
            }
            int at = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start < at) {
                    continue; // overlapping match, already covered
                }
                if (start > at) {
                    pieces.add(new Snippet.Piece(content.substring(at, start), false));
                }
                pieces.add(new Snippet.Piece(content.substring(start, end), true));
                at = end;
            }
            if (at < passage.getEndOffset()) {
                pieces.add(new Snippet.Piece(content.substring(at, passage.getEndOffset()), false));
            }
            previousEnd = passage.getEndOffset();
        }
        return new Snippet(pieces);
    }
}
