package sift.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The bytes of an XML feed made into text an XML parser can read without harm: decoded (byte-order mark, the
 * XML declaration, else UTF-8, else Windows-1252), the DOCTYPE cut out (so no entity is ever declared, resolved
 * or expanded), characters XML forbids dropped, and entity references repaired (HTML names such as
 * {@code &nbsp;} become character references, a stray {@code &} becomes {@code &amp;}). Each repair is noted.
 */
final class XmlInput {
    private static final Pattern DECLARED =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final int MAX_NOTES = 5;

    final String xml;
    final List<String> problems;

    private XmlInput(String xml, List<String> problems) {
        this.xml = xml;
        this.problems = problems;
    }

    static XmlInput of(byte[] body) {
        List<String> problems = new ArrayList<>();
        return new XmlInput(repair(windows1252Controls(decode(body, problems)), problems), problems);
    }

    private static final String CP1252_80_9F =
            "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
                    + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    /**
     * C1 control characters (U+0080 to U+009F) in a feed are almost always Windows-1252 punctuation written by a
     * tool that took it for Latin-1 ("don\u0092t"): they become the characters meant (don’t).
     */
    static String windows1252Controls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append(CP1252_80_9F.charAt(c - 0x80));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Text that was UTF-8, read as Windows-1252 or Latin-1 somewhere before it reached the feed and encoded
     * again ("\u00e2\u20ac\u00a6" for "…"): when its characters all are single bytes in Windows-1252 and those bytes are
     * well-formed UTF-8 with at least one multi-byte sequence, the UTF-8 reading is the one meant.
     */
    static String undoDoubleEncoding(String s) {
        boolean high = false;
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int b;
            if (c < 0x80) {
                b = c;
            } else if (c <= 0xff) {
                b = c;
                high = true;
            } else {
                int at = CP1252_80_9F.indexOf(c);
                if (at < 0) {
                    return s;
                }
                b = 0x80 + at;
                high = true;
            }
            bytes[i] = (byte) b;
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    static String decode(byte[] body, List<String> problems) {
        int b0 = body.length > 0 ? body[0] & 0xff : -1;
        int b1 = body.length > 1 ? body[1] & 0xff : -1;
        int b2 = body.length > 2 ? body[2] & 0xff : -1;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            return strict(body, 3, StandardCharsets.UTF_8, problems);
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b0 == 0 && b1 == '<') {
            return new String(body, StandardCharsets.UTF_16BE);
        }
        if (b0 == '<' && b1 == 0) {
            return new String(body, StandardCharsets.UTF_16LE);
        }
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1).stripLeading();
        Matcher declared = DECLARED.matcher(head);
        if (declared.find()) {
            String name = declared.group(1);
            Charset charset = charset(name);
            if (charset == null) {
                problems.add("unknown encoding \"" + name + "\" declared; read as UTF-8");
            } else if (!charset.equals(StandardCharsets.UTF_8)
                    && !charset.name().startsWith("UTF-16")) {
                return new String(body, charset);
            }
        }
        return strict(body, 0, StandardCharsets.UTF_8, problems);
    }

    /** Decodes as UTF-8 when the bytes are UTF-8, else as Windows-1252, which decodes any byte. */
    private static String strict(byte[] body, int offset, Charset charset, List<String> problems) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add("bytes that are not " + charset.name() + "; read as Windows-1252");
            return new String(body, offset, body.length - offset, Charset.forName("windows-1252"));
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.toLowerCase(Locale.ROOT).equals("utf8") ? "UTF-8" : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Copies {@code in} leaving out the DOCTYPE and forbidden characters and repairing entity references. */
    static String repair(String in, List<String> problems) {
        StringBuilder out = new StringBuilder(in.length() + 64);
        int n = in.length();
        int i = 0;
        while (i < n && (Character.isWhitespace(in.charAt(i)) || in.charAt(i) == '\ufeff')) {
            i++;
        }
        int line = 1;
        while (i < n) {
            char c = in.charAt(i);
            if (c == '<') {
                int end = -1;
                if (in.startsWith("<![CDATA[", i)) {
                    end = endOf(in, i, "]]>");
                } else if (in.startsWith("<!--", i)) {
                    end = endOf(in, i, "-->");
                } else if (in.startsWith("<?", i)) {
                    end = endOf(in, i, "?>");
                } else if (in.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                    int skip = doctypeEnd(in, i);
                    line += count(in, i, skip, '\n');
                    i = skip;
                    continue;
                }
                if (end > 0) {
                    appendAllowed(in, i, end, out, problems);
                    line += count(in, i, end, '\n');
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
            } else if (c == '&') {
                i = entity(in, i, out, problems, line);
            } else {
                if (c == '\n') {
                    line++;
                }
                if (allowed(in, i)) {
                    out.append(c);
                } else {
                    note(
                            problems,
                            "a character XML forbids (U+" + String.format("%04X", (int) c) + ") at line " + line
                                    + ", left out");
                }
                i++;
            }
        }
        return out.toString();
    }

    private static int entity(String in, int at, StringBuilder out, List<String> problems, int line) {
        int semi = -1;
        for (int j = at + 1; j < in.length() && j < at + 40; j++) {
            char d = in.charAt(j);
            if (d == ';') {
                semi = j;
                break;
            }
            if (!(Character.isLetterOrDigit(d) || d == '#' || d == '_' || d == '-' || d == '.')) {
                break;
            }
        }
        if (semi < 0 || semi == at + 1) {
            out.append("&amp;");
            return at + 1;
        }
        String name = in.substring(at + 1, semi);
        if (name.startsWith("#")) {
            int code = codePoint(name);
            if (code >= 0 && allowed(code)) {
                out.append("&#").append(code).append(';');
            } else {
                note(
                        problems,
                        "character reference &" + name + "; at line " + line
                                + " is not a character XML allows, left out");
            }
            return semi + 1;
        }
        switch (name) {
            case "lt", "gt", "amp", "quot", "apos" ->
                out.append('&').append(name).append(';');
            default -> {
                String value = switch (name) {
                    // HTML 4's angle brackets, which feeds of that era meant; HTML 5 moved the names elsewhere
                    case "lang" -> "\u2329";
                    case "rang" -> "\u232a";
                    default -> Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
                };
                if (value.isEmpty()) {
                    note(problems, "undeclared entity &" + name + "; at line " + line + ", kept as text");
                    out.append("&amp;").append(name).append(';');
                } else {
                    note(
                            problems,
                            "HTML entity &" + name + "; at line " + line
                                    + " (not declared in XML), read as its character");
                    value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                }
            }
        }
        return semi + 1;
    }

    private static int codePoint(String ref) {
        try {
            boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
            String digits = ref.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 8) {
                return -1;
            }
            return Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The end of a DOCTYPE, past its internal subset {@code [...]} and any quoted strings. */
    private static int doctypeEnd(String in, int at) {
        int depth = 0;
        char quote = 0;
        for (int j = at + 9; j < in.length(); j++) {
            char c = in.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return j + 1;
            }
        }
        return in.length();
    }

    private static int endOf(String in, int from, String end) {
        int at = in.indexOf(end, from + 2);
        return at < 0 ? in.length() : at + end.length();
    }

    private static void appendAllowed(String in, int from, int to, StringBuilder out, List<String> problems) {
        for (int j = from; j < to; j++) {
            if (allowed(in, j)) {
                out.append(in.charAt(j));
            }
        }
    }

    private static int count(String in, int from, int to, char c) {
        int k = 0;
        for (int j = from; j < to; j++) {
            if (in.charAt(j) == c) {
                k++;
            }
        }
        return k;
    }

    /** Whether the char at {@code i} may stand in an XML 1.0 document (a surrogate only as half of a pair). */
    private static boolean allowed(String in, int i) {
        char c = in.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(in.charAt(i - 1));
        }
        return allowed(c);
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < MAX_NOTES) {
            problems.add(problem);
        }
    }
}
