package sift.web.sync;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A stream as Google Reader's Atom feed of it: each entry's id is the item's long id, and each of its streams is
 * a category in Google's scheme, labelled with the state's name ({@code read}, {@code starred}, and {@code fresh}
 * on unread items) or the stream's whole id. This is how newsboat's "feedhq" source learns what was read.
 */
final class ReaderAtom {
    static final String SCHEME = "http://www.google.com/reader/";

    private ReaderAtom() {}

    static String write(String stream, String title, List<GoogleReaderRoutes.Item> items, Instant now) {
        Feed feed = new Feed("atom_1.0");
        feed.setId("tag:google.com,2005:reader/" + stream);
        feed.setTitle(title);
        feed.setUpdated(Date.from(now));
        List<Entry> entries = new ArrayList<>();
        for (GoogleReaderRoutes.Item item : items) {
            Entry entry = new Entry();
            entry.setId(item.id());
            entry.setTitle(item.title());
            entry.setPublished(new Date(item.published() * 1000));
            entry.setUpdated(new Date(item.updated() * 1000));
            if (!item.alternate().isEmpty()) {
                Link link = new Link();
                link.setRel("alternate");
                link.setType("text/html");
                link.setHref(item.alternate().get(0).href());
                entry.setAlternateLinks(List.of(link));
            }
            if (item.author() != null) {
                Person author = new Person();
                author.setName(item.author());
                entry.setAuthors(List.of(author));
            }
            Content content = new Content();
            content.setType("html");
            content.setValue(item.summary().content());
            entry.setContents(List.of(content));
            List<Category> categories = new ArrayList<>();
            boolean read = false;
            for (String id : item.categories()) {
                read |= id.equals(ReaderStreams.READ);
                // a state by its name, as Google labelled it; anything else by its whole id, so that no label of
                // the reader's ("read") reads as a state
                categories.add(
                        category(id, id.startsWith(ReaderStreams.STATE) ? id.substring(id.lastIndexOf('/') + 1) : id));
            }
            if (!read) {
                categories.add(category(ReaderStreams.STATE + "fresh", "fresh"));
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed of the stream " + stream + " could not be written", e);
        }
    }

    private static Category category(String term, String label) {
        Category category = new Category();
        category.setTerm(term);
        category.setScheme(SCHEME);
        category.setLabel(label);
        return category;
    }
}
