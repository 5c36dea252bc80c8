package sift.ingest.clean;

import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/** What an allow-list cannot say: which frames, which images, which parameters. */
final class Tidy {
    private static final Pattern VIDEO_PLAYER =
            Pattern.compile("https://(www\\.youtube(-nocookie)?\\.com/embed/|player\\.vimeo\\.com/video/)[^\\s\"'<>]+");
    private static final Pattern TRACKING_PARAMETER = Pattern.compile("(?i)(utm_[a-z_]+|fbclid|gclid|mc_eid)(=|$)");

    private Tidy() {}

    /**
     * Whether a kept element stays (a frame only when it plays a video of an allowed host; an image only when it
     * is more than a 1x1 tracking pixel); the URLs of those that stay lose their tracking parameters.
     */
    static boolean keeps(Element e) {
        if (e.tag().namespace().equals(AllowList.HTML)) {
            switch (e.normalName()) {
                case "iframe" -> {
                    if (!VIDEO_PLAYER.matcher(e.attr("src")).matches()) {
                        return false;
                    }
                }
                case "img" -> {
                    if (isPixel(e.attr("width")) && isPixel(e.attr("height"))) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        for (Attribute a : e.attributes()) {
            String key = a.getKey();
            if (key.equals("href") || key.equals("src") || key.endsWith(":href")) {
                a.setValue(withoutTracking(a.getValue()));
            }
        }
        return true;
    }

    /**
     * The HTML parser drops a newline right after {@code <pre>}: a {@code pre} whose text starts with one gets a
     * second, so that the text a browser reads back is the text kept (the HTML standard's serialiser did the same
     * until 2016).
     */
    static void keepLeadingNewline(Element e) {
        if ((e.nameIs("pre") || e.nameIs("listing"))
                && e.tag().namespace().equals(AllowList.HTML)
                && e.firstChild() instanceof TextNode t
                && t.getWholeText().startsWith("\n")) {
            t.text("\n" + t.getWholeText());
        }
    }

    private static boolean isPixel(String size) {
        String s = size.strip();
        return s.equals("0") || s.equals("1") || s.equals("1px") || s.equals("0px");
    }

    /** {@code url} without {@code utm_*} and the like, which only tell the publisher's analytics where a click came from. */
    static String withoutTracking(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int hash = url.indexOf('#', query);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder kept = new StringBuilder();
        for (String parameter :
                url.substring(query + 1, hash < 0 ? url.length() : hash).split("&")) {
            if (!parameter.isEmpty() && !TRACKING_PARAMETER.matcher(parameter).lookingAt()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return url.substring(0, query) + kept + fragment;
    }
}
