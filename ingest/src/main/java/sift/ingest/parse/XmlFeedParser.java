package sift.ingest.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** RSS 0.9x, 1.0, 2.0 and Atom through Rome, which refuses any DOCTYPE: no entity is ever expanded. */
final class XmlFeedParser {

    ParsedFeed parse(byte[] body, URI base) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(reader);
        } catch (ParsingFeedException e) {
            String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
            throw new FeedParseException("not well-formed XML" + where + ": " + rootMessage(e), e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not a feed: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new FeedParseException("cannot read the XML: " + rootMessage(e), e);
        }
        String link = Links.resolve(base, siteLink(feed));
        URI entryBase = base != null ? base : Links.uri(link, null);
        return new ParsedFeed(
                feed.getFeedType(),
                trimmed(feed.getTitle()),
                link,
                trimmed(feed.getDescription()),
                trimmed(feed.getLanguage()),
                feed.getImage() == null ? null : Links.resolve(entryBase, feed.getImage().getUrl()),
                feed.getEntries().stream().map(e -> entry(e, entryBase)).toList());
    }

    /** The feed's web site: Atom's alternate link (Rome's {@code getLink()} may be the self link), else RSS's link. */
    private static String siteLink(SyndFeed feed) {
        for (SyndLink link : feed.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return feed.getLink();
    }

    private static ParsedEntry entry(SyndEntry e, URI base) {
        String content = e.getContents().stream()
                .map(XmlFeedParser::html)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new ParsedEntry(
                trimmed(e.getUri()),
                trimmed(e.getTitle()),
                Links.resolve(base, e.getLink()),
                instant(e.getPublishedDate()),
                instant(e.getUpdatedDate()),
                author(e),
                html(e.getDescription()),
                content,
                e.getEnclosures().stream().map(enc -> enclosure(enc, base)).filter(Objects::nonNull).toList(),
                e.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull).map(String::strip).toList());
    }

    /** The value as HTML: plain-text content is escaped so that the cleaner sees it as text. */
    private static String html(SyndContent content) {
        if (content == null || content.getValue() == null || content.getValue().isBlank()) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? escape(content.getValue()) : content.getValue();
    }

    private static String author(SyndEntry e) {
        if (e.getAuthor() != null && !e.getAuthor().isBlank()) {
            return e.getAuthor().strip();
        }
        List<SyndPerson> authors = e.getAuthors();
        return authors.isEmpty() ? null : trimmed(authors.get(0).getName());
    }

    private static ParsedEntry.ParsedEnclosure enclosure(SyndEnclosure enc, URI base) {
        String url = Links.resolve(base, enc.getUrl());
        if (url == null) {
            return null;
        }
        return new ParsedEntry.ParsedEnclosure(url, enc.getLength() > 0 ? enc.getLength() : null, trimmed(enc.getType()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
    }
}
