package sift.web.reader;

import java.util.List;
import sift.store.post.PostFacts;
import sift.web.http.SizeBoundCache;

/**
 * The content of the posts read lately with their claims marked ({@link ClaimMarks}): marking parses and writes the
 * whole content, so a post is marked once a version, not on every view (issue 20). A version is the content and the
 * claims themselves: an entry serves a post only while both equal what it was made from, which follows every change
 * (the feed's, a rescore's) and costs a comparison, no allocation. Bounded by the characters it holds, the least
 * recently read post going first.
 */
final class MarkedContents {
    /** The characters held, each post's content and marked content counted: 8 to 16 MB, three of the largest posts. */
    static final long MAX_CHARS = 8_000_000;

    private final SizeBoundCache<Long, Entry> entries;

    private record Entry(String html, List<PostFacts.Claim> claims, String marked) {
        long chars() {
            return (long) html.length() + marked.length();
        }
    }

    MarkedContents() {
        this(MAX_CHARS);
    }

    MarkedContents(long maxChars) {
        entries = new SizeBoundCache<>(maxChars, maxChars, (id, entry) -> entry.chars());
    }

    /** The post's content with its flagged claims marked, as {@link ClaimMarks#mark} makes it. */
    String mark(long postId, String html, List<PostFacts.Claim> claims) {
        Entry entry = entries.get(postId);
        if (entry != null && entry.html().equals(html) && entry.claims().equals(claims)) {
            return entry.marked();
        }
        String marked = ClaimMarks.mark(html, claims);
        if (marked != html) { // nothing to mark: nothing to keep
            entries.put(postId, new Entry(html, List.copyOf(claims), marked));
        }
        return marked;
    }
}
