package sift.store.search;

import java.util.List;

/** A passage of a post around the words that matched, as pieces of plain text, the matching ones marked. */
public record Snippet(List<Piece> pieces) {
    public Snippet {
        pieces = List.copyOf(pieces);
    }

    public record Piece(String text, boolean match) {}

    /** The snippet as plain text, without marks. */
    /** Whether a piece is one of the query's words. */
    public boolean matches() {
        return pieces.stream().anyMatch(Piece::match);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(p.text()));
        return out.toString();
    }
}
