package sift.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A fetched web page as a Jsoup document, decoded by its Content-Type charset, else its BOM or meta tag, else UTF-8. */
public final class HtmlPage {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

    private HtmlPage() {}

    /** Whether the answer says it is HTML (or says nothing, as some servers do). */
    public static boolean isHtml(FetchResult.Modified page) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        return type.isBlank() || type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    public static Document parse(FetchResult.Modified page) {
        try {
            return Jsoup.parse(
                    new ByteArrayInputStream(page.body()),
                    charset(page.contentType()),
                    page.finalUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a page held in memory cannot fail: " + page.finalUri(), e);
        }
    }

    /** The charset the Content-Type names, when Java knows it; null lets Jsoup look at the page itself. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        try {
            return m.find() && Charset.isSupported(m.group(1)) ? m.group(1) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
