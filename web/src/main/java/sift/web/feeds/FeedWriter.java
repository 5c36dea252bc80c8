package sift.web.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;
import sift.store.post.Enclosure;
import sift.store.post.PostFacts;
import sift.web.http.ClaimJson;

/**
 * Writes a {@link FeedDoc} as RSS 2.0 or Atom 1.0 (with Rome) or as JSON Feed 1.1 (with Jackson). Topics are
 * categories; the hype score, stance, kind and the AI claims said in an episode are elements of Sift's own namespace
 * ({@value #SIFT_NS}; in JSON Feed the {@code _sift} extension); episodes carry iTunes tags for podcast apps.
 */
public final class FeedWriter {
    public static final String SIFT_NS = "urn:sift:feed:1";
    private static final Namespace SIFT = Namespace.getNamespace("sift", SIFT_NS);
    private static final Namespace ITUNES =
            Namespace.getNamespace("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The formats, each with its path suffix and media type. */
    public enum Format {
        RSS("rss", "application/rss+xml; charset=utf-8", "rss_2.0"),
        ATOM("atom", "application/atom+xml; charset=utf-8", "atom_1.0"),
        JSON("json", "application/feed+json; charset=utf-8", null);

        public final String suffix;
        public final String mediaType;
        final String romeType;

        Format(String suffix, String mediaType, String romeType) {
            this.suffix = suffix;
            this.mediaType = mediaType;
            this.romeType = romeType;
        }

        /** The format of a path's suffix ({@code rss}, {@code atom}, {@code json}), or null. */
        public static Format ofSuffix(String suffix) {
            for (Format format : values()) {
                if (format.suffix.equals(suffix)) {
                    return format;
                }
            }
            return null;
        }
    }

    private FeedWriter() {}

    public static byte[] write(FeedDoc doc, Format format) {
        return format == Format.JSON ? json(doc) : xml(doc, format);
    }

    private static byte[] xml(FeedDoc doc, Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding("UTF-8");
        feed.setTitle(doc.title());
        feed.setDescription(doc.description());
        feed.setLink(doc.homeUrl());
        feed.setUri(doc.selfUrl());
        feed.setAuthors(List.of(person("Sift")));
        feed.setPublishedDate(Date.from(doc.updated()));
        feed.setLinks(
                List.of(link("alternate", doc.homeUrl(), "text/html"), link("self", doc.selfUrl(), format.mediaType)));
        List<Element> channel = new ArrayList<>();
        if (format == Format.RSS) {
            // RSS has no link to itself; Atom's element says where it lives (what validators ask for)
            Element self = new Element("link", ATOM);
            self.setAttribute("href", doc.selfUrl());
            self.setAttribute("rel", "self");
            self.setAttribute("type", "application/rss+xml");
            channel.add(self);
            if (doc.podcast()) {
                channel.add(text(ITUNES, "author", "Sift"));
                channel.add(text(ITUNES, "summary", doc.description()));
                channel.add(text(ITUNES, "explicit", "false"));
                channel.add(text(ITUNES, "type", "episodic"));
                channel.add(new Element("category", ITUNES).setAttribute("text", "Technology"));
            }
        }
        feed.setForeignMarkup(channel);
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedDoc.Item item : doc.items()) {
            entries.add(entry(item, format, doc.podcast()));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the feed " + doc.selfUrl() + ": " + e.getMessage(), e);
        }
    }

    private static SyndEntry entry(FeedDoc.Item item, Format format, boolean podcast) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(item.id());
        entry.setLink(item.link());
        entry.setTitle(item.title());
        entry.setPublishedDate(Date.from(item.published()));
        entry.setUpdatedDate(Date.from(item.updated()));
        // an entry without an author has the feed's (Atom's rule); an empty name would break it
        entry.setAuthors(item.author() == null || item.author().isBlank() ? List.of() : List.of(person(item.author())));
        if (item.summary() != null && !item.summary().isBlank()) {
            entry.setDescription(content(format == Format.ATOM ? "text" : "text/plain", item.summary()));
        }
        if (item.contentHtml() != null && !item.contentHtml().isBlank()) {
            entry.setContents(List.of(content("html", item.contentHtml())));
        }
        List<SyndCategory> categories = new ArrayList<>();
        for (String topic : item.categories()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(topic);
            categories.add(category);
        }
        entry.setCategories(categories);
        List<SyndEnclosure> enclosures = new ArrayList<>();
        for (Enclosure e : item.enclosures()) {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(e.url());
            enclosure.setType(e.mimeType() == null ? "application/octet-stream" : e.mimeType());
            enclosure.setLength(e.length() == null ? 0 : e.length());
            enclosures.add(enclosure);
        }
        entry.setEnclosures(enclosures);
        List<Element> markup = new ArrayList<>();
        if (item.hype() != null) {
            markup.add(text(SIFT, "hype", String.valueOf(item.hype())));
        }
        if (item.stance() != null) {
            markup.add(text(SIFT, "stance", item.stance()));
        }
        if (item.kind() != null) {
            markup.add(text(SIFT, "kind", item.kind()));
        }
        for (PostFacts.Claim c : item.spoken()) {
            Element claim = text(SIFT, "claim", c.sentence())
                    .setAttribute("part", c.part())
                    .setAttribute("score", String.valueOf(c.score()))
                    .setAttribute("stance", c.stance())
                    .setAttribute("reasons", String.join("; ", c.reasons()));
            if (c.startSeconds() != null) {
                claim.setAttribute("startSeconds", String.valueOf(c.startSeconds()));
            }
            if (c.speaker() != null) {
                claim.setAttribute("speaker", c.speaker());
            }
            markup.add(claim);
        }
        if (podcast && format == Format.RSS) {
            if (item.durationSeconds() != null) {
                markup.add(text(ITUNES, "duration", String.valueOf(item.durationSeconds())));
            }
            markup.add(text(ITUNES, "episodeType", "full"));
        }
        entry.setForeignMarkup(markup);
        return entry;
    }

    private static byte[] json(FeedDoc doc) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", doc.title());
        feed.put("home_page_url", doc.homeUrl());
        feed.put("feed_url", doc.selfUrl());
        feed.put("description", doc.description());
        feed.put("authors", List.of(Map.of("name", "Sift")));
        feed.put("language", "en");
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedDoc.Item item : doc.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.id());
            entry.put("url", item.link());
            entry.put("title", item.title());
            if (item.contentHtml() != null && !item.contentHtml().isBlank()) {
                entry.put("content_html", item.contentHtml());
            } else {
                entry.put("content_text", item.summary() == null ? "" : item.summary());
            }
            if (item.summary() != null && !item.summary().isBlank()) {
                entry.put("summary", item.summary());
            }
            entry.put("date_published", item.published().toString());
            entry.put("date_modified", item.updated().toString());
            if (item.author() != null && !item.author().isBlank()) {
                entry.put("authors", List.of(Map.of("name", item.author())));
            }
            entry.put("tags", item.categories());
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (Enclosure e : item.enclosures()) {
                Map<String, Object> attachment = new LinkedHashMap<>();
                attachment.put("url", e.url());
                attachment.put("mime_type", e.mimeType() == null ? "application/octet-stream" : e.mimeType());
                if (e.length() != null && e.length() > 0) {
                    attachment.put("size_in_bytes", e.length());
                }
                if (item.durationSeconds() != null) {
                    attachment.put("duration_in_seconds", item.durationSeconds());
                }
                attachments.add(attachment);
            }
            if (!attachments.isEmpty()) {
                entry.put("attachments", attachments);
            }
            Map<String, Object> sift = new LinkedHashMap<>();
            sift.put("about", "https://jsonfeed.org/version/1.1#extensions");
            if (item.hype() != null) {
                sift.put("hype", item.hype());
            }
            sift.put("stance", item.stance());
            sift.put("kind", item.kind());
            if (!item.spoken().isEmpty()) {
                sift.put("claims", item.spoken().stream().map(ClaimJson::of).toList());
            }
            entry.put("_sift", sift);
            items.add(entry);
        }
        feed.put("items", items);
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON feed " + doc.selfUrl() + ": " + e.getMessage(), e);
        }
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type.split(";")[0]);
        return link;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Element text(Namespace ns, String name, String value) {
        return new Element(name, ns).setText(value == null ? "" : value);
    }
}
