package sift.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import sift.ingest.clean.BrowserParse.Attribute;
import sift.ingest.clean.BrowserParse.Element;

/**
 * What any HTML the cleaner returns must be, checked against a browser's reading of it ({@link BrowserParse}):
 * the tree a browser builds is the tree jsoup built and the cleaner vouched for; cleaning what a browser reads back
 * gives the same HTML (a fixed point); and the browser's tree holds only allow-listed elements, each in its own
 * namespace, with allow-listed attributes and URLs.
 */
final class CleanOutput {
    /** Elements that must never come out, in any namespace. */
    static final Set<String> NEVER = Set.of(
            "meta",
            "base",
            "form",
            "input",
            "button",
            "style",
            "link",
            "object",
            "embed",
            "script",
            "foreignobject",
            "annotation-xml",
            "noscript",
            "textarea",
            "select",
            "template",
            "frame",
            "frameset",
            "applet",
            "animate",
            "set",
            "use",
            "image",
            "handler",
            "listener");

    private static final Pattern URL = Pattern.compile("(?is)(https?|mailto|ftp):.*");
    private static final Pattern VIDEO =
            Pattern.compile("https://(www\\.youtube(-nocookie)?\\.com/embed/|player\\.vimeo\\.com/video/).+");
    private static final AllowList ALLOWED = AllowList.content();

    private CleanOutput() {}

    /** What is wrong with {@code html}, which {@code cleaner} returned; empty when nothing is. */
    static List<String> problems(HtmlCleaner cleaner, String html) {
        List<String> problems = new ArrayList<>();
        Element body = BrowserParse.body(html);
        String browser = BrowserParse.tree(body);
        String jsoup = BrowserParse.jsoupTree(html);
        if (!browser.equals(jsoup)) {
            problems.add("a browser reads another tree than jsoup:\n" + browser + "jsoup:\n" + jsoup);
        }
        String again =
                cleaner.clean(BrowserParse.html(body), "https://blog.example/").html();
        if (!again.equals(html)) {
            problems.add("not a fixed point; cleaned again after a browser's re-parse it is\n" + again);
        }
        for (Element e : BrowserParse.elements(body)) {
            problems.addAll(problems(e));
        }
        return problems;
    }

    private static List<String> problems(Element e) {
        List<String> problems = new ArrayList<>();
        String ns = e.namespace();
        String name = e.name().toLowerCase(Locale.ROOT);
        String where = "<" + e.name() + "> (" + ns + ")";
        if (NEVER.contains(name) || !ALLOWED.allows(ns, name)) {
            problems.add(where + " is not allowed");
            return problems;
        }
        if (AllowList.HTML.equals(ns)
                && AllowList.RAW_TEXT.contains(name)
                && !e.children().isEmpty()) {
            problems.add(where + " has a body: " + e.children());
        }
        if (name.equals("iframe")
                && (!VIDEO.matcher(e.attribute("src")).matches()
                        || !e.attribute("sandbox").equals("allow-scripts allow-same-origin allow-presentation"))) {
            problems.add(where + " is no sandboxed video player: src " + e.attribute("src"));
        }
        for (Attribute a : e.attributes()) {
            String key = a.name().toLowerCase(Locale.ROOT);
            if (key.startsWith("on") || key.equals("style") || !ALLOWED.allowsAttribute(ns, name, key)) {
                problems.add(where + " has attribute " + key + "=\"" + a.value() + "\"");
            }
            if ((key.equals("href")
                            || key.equals("src")
                            || key.endsWith(":href")
                            || key.equals("poster")
                            || key.equals("cite"))
                    && !URL.matcher(a.value()).matches()) {
                problems.add(where + " links to " + a.value());
            }
        }
        return problems;
    }
}
