package sift.ingest.fulltext;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Finds the article in a web page, the way Arc90's Readability does: page furniture (navigation, asides,
 * comments, share bars, cookie banners) goes first; every paragraph-like block then scores its parent fully
 * and its grandparent by half (by its length and its commas); a container's score is weighted by its tag and
 * its class and id, and lowered by its link density; the best container wins, with those of its siblings that
 * score close to it or read like prose. Or, when the admin gave a CSS selector for the feed, the elements it
 * selects. Returns raw HTML: the caller sanitises it like any feed content. Thread-safe.
 */
public final class ArticleExtractor {
    /** Less text than this is no article (a paywall, a cookie wall, a page of links). */
    static final int MIN_CHARS = 250;

    private static final String FURNITURE = "script, style, noscript, template, link, meta, form, button, input, "
            + "select, textarea, nav, aside, footer, dialog, object, embed, [hidden], [aria-hidden=true], [role=navigation], "
            + "[role=complementary], [role=banner], [role=contentinfo]";
    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|\\bads?\\b|banner|breadcrumb|combx|comment|"
            + "community|cookie|consent|disqus|extra|footer|gdpr|header|legends|masthead|menu|modal|newsletter|pager|"
            + "pagination|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|"
            + "sponsor|subscribe|supplemental|widget");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow|post|entry");
    private static final Pattern POSITIVE =
            Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$|\\bhid\\b|banner|combx|comment|"
            + "com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
            + "sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline");
    private static final Set<String> SCORED =
            Set.of("p", "pre", "td", "blockquote", "li", "div", "section", "h2", "h3", "h4", "dd", "figcaption");
    private static final String BLOCKS =
            "p, div, pre, blockquote, ul, ol, dl, table, section, article, figure, " + "h1, h2, h3, h4, h5, h6";
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    /** What was found: the article's HTML, or why there is none. */
    public record Extracted(String html, String problem) {
        static Extracted none(String problem) {
            return new Extracted(null, problem);
        }
    }

    /**
     * The article of {@code page}, by {@code selector} when one is given (every element it selects, in page
     * order), else by Readability's scoring. The page is changed on the way (furniture removed).
     */
    public Extracted extract(Document page, String selector) {
        if (selector != null && !selector.isBlank()) {
            return bySelector(page, selector.strip());
        }
        Element body = page.body();
        if (body == null) {
            return Extracted.none("the page has no body");
        }
        removeFurniture(body);
        Map<Element, Double> scores = scores(body);
        Element best = null;
        for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
            if (best == null || candidate.getValue() > scores.get(best)) {
                best = candidate.getKey();
            }
        }
        if (best == null) {
            return Extracted.none("no block of text on the page");
        }
        List<Element> article = withSiblings(best, scores);
        int chars = article.stream().mapToInt(e -> e.text().length()).sum();
        if (chars < MIN_CHARS) {
            return Extracted.none("no article on the page (the best block has " + chars + " characters of text)");
        }
        StringBuilder html = new StringBuilder();
        article.forEach(e -> html.append(e.outerHtml()).append('\n'));
        return new Extracted(html.toString(), null);
    }

    private static Extracted bySelector(Document page, String selector) {
        Elements selected;
        try {
            selected = page.select(selector);
        } catch (Selector.SelectorParseException e) {
            return Extracted.none("the CSS selector '" + selector + "' is not valid: " + e.getMessage());
        }
        if (selected.isEmpty()) {
            return Extracted.none("the CSS selector '" + selector + "' selects nothing on the page");
        }
        StringBuilder html = new StringBuilder();
        for (Element e : selected) {
            e.select("script, style, noscript, template").remove();
            html.append(e.outerHtml()).append('\n');
        }
        return new Extracted(html.toString(), null);
    }

    /** Removes what is never the article: scripts, forms, navigation, and blocks whose class or id says furniture. */
    private static void removeFurniture(Element body) {
        body.select(FURNITURE).remove();
        List<Element> unlikely = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.nameIs("article") || e.nameIs("main") || e.nameIs("html")) {
                continue;
            }
            String names = e.className() + ' ' + e.id();
            if (names.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find() && e.closest("table") == null) {
                unlikely.add(e);
            }
        }
        unlikely.forEach(Element::remove);
    }

    /**
     * Readability's scoring: each paragraph-like block scores its parent fully, its grandparent by half and the
     * next by a sixth; a container's score is then lowered by its link density.
     */
    private static Map<Element, Double> scores(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            if (!SCORED.contains(e.normalName()) || hasBlockChildren(e)) {
                continue;
            }
            String text = e.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = e.parent();
            for (int level = 0; ancestor != null && !ancestor.nameIs("html") && level < 3; level++) {
                double share = level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                scores.merge(ancestor, initialScore(ancestor) + share, (old, ignored) -> old + share);
                ancestor = ancestor.parent();
            }
        }
        scores.replaceAll((candidate, score) -> score * (1 - linkDensity(candidate)));
        return scores;
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        return commas;
    }

    private static boolean hasBlockChildren(Element e) {
        if (e.nameIs("p") || e.nameIs("pre") || e.nameIs("h2") || e.nameIs("h3") || e.nameIs("h4")) {
            return false;
        }
        for (Element child : e.children()) {
            if (child.is(BLOCKS)) {
                return true;
            }
        }
        return false;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "article" -> 10;
            case "div", "main" -> 5;
            case "pre", "td", "blockquote", "section" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    private static double classWeight(Element e) {
        double weight = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (name.isBlank()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    /** The share of the element's text that is link text. */
    static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / all);
    }

    /** The winner, with the siblings that score near it or read like prose (a split article, a lead paragraph). */
    private static List<Element> withSiblings(Element best, Map<Element, Double> scores) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double bestScore = scores.get(best);
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> article = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best
                    || scores.getOrDefault(sibling, 0.0) + sameClassBonus(best, sibling, bestScore) >= threshold
                    || readsLikeProse(sibling)) {
                article.add(sibling);
            }
        }
        return article;
    }

    private static double sameClassBonus(Element best, Element sibling, double bestScore) {
        return !best.className().isBlank() && best.className().equals(sibling.className()) ? bestScore * 0.2 : 0;
    }

    private static boolean readsLikeProse(Element e) {
        if (!e.nameIs("p")) {
            return false;
        }
        String text = e.text();
        double density = linkDensity(e);
        return text.length() > 80
                ? density < 0.25
                : !text.isEmpty() && density == 0 && SENTENCE_END.matcher(text).find();
    }
}
