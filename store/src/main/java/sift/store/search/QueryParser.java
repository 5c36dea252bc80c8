package sift.store.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import sift.store.post.RiverFilter;

/**
 * Sift's query syntax, read by recursive descent into a Lucene query:
 *
 * <pre>
 * query   := and ("OR" and)*
 * and     := unary+                        words side by side must all match
 * unary   := "-" primary | primary         -word excludes
 * primary := "(" query ")" | "phrase" | field:value | word
 * </pre>
 *
 * Fields: {@code topic:}, {@code feed:}, {@code kind:}, {@code stance:}, {@code hype:>N} (also {@code <}, {@code >=},
 * {@code <=}, {@code =}), {@code after:YYYY-MM-DD}, {@code before:YYYY-MM-DD}. A word with any other colon is
 * just a word. Words match titles (weighted up, see {@link Fields#TITLE}) and text, stemmed; errors name what is
 * wrong and where.
 *
 * <p>A query is bounded before it costs anything (issue 20): at most {@value #MAX_LENGTH} characters, parentheses
 * at most {@value #MAX_NESTING} deep (the descent recurses on each), and at most {@value #MAX_TERMS} terms and
 * fields, counting each term a word or phrase turns into (well under Lucene's own limit of 1,024 clauses, which a
 * query over it failed with).
 */
final class QueryParser {
    private static final Set<String> KINDS = Set.of("article", "podcast", "release", "incident", "announcement");
    private static final Set<String> STANCES = Set.of("hype", "neutral", "skeptical");
    private static final Set<String> FIELDS = Set.of("topic", "feed", "kind", "stance", "hype", "after", "before");
    /** The longest query read, in characters; a saved search may be as long. */
    static final int MAX_LENGTH = 1_000;
    /** How deep parentheses may nest. */
    static final int MAX_NESTING = 32;
    /** How many terms and fields a query may search for at once, each word's terms counted. */
    static final int MAX_TERMS = 256;

    /** How much more a query's words weigh in a title than in the text. */
    private static final float TITLE_BOOST = 2f;

    private static final float SAID_BOOST = 0.5f;

    private final QueryBuilder builder;
    private List<Token> tokens;
    private int next;
    private int nesting;
    private int terms;

    QueryParser(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    private record Token(Type type, String text, int position) {
        enum Type {
            WORD,
            PHRASE,
            OPEN,
            CLOSE,
            OR,
            NOT
        }
    }

    /** Not thread-safe: one parser per query. */
    Query parse(String input) {
        if (input.length() > MAX_LENGTH) {
            throw new SearchSyntaxException(String.format(
                    "the query is %,d characters long: at most %,d are read", input.length(), MAX_LENGTH));
        }
        tokens = tokenize(input);
        next = 0;
        nesting = 0;
        terms = 0;
        if (tokens.isEmpty()) {
            throw new SearchSyntaxException("the query is empty: type a few words");
        }
        Query query = or();
        if (next < tokens.size()) {
            Token stray = tokens.get(next);
            throw new SearchSyntaxException(
                    stray.type() == Token.Type.CLOSE
                            ? "a ')' at position " + stray.position() + " closes nothing"
                            : "cannot read '" + stray.text() + "' at position " + stray.position());
        }
        return query;
    }

    private Query or() {
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(and());
        while (peek(Token.Type.OR)) {
            Token or = tokens.get(next++);
            if (next >= tokens.size() || peek(Token.Type.CLOSE) || peek(Token.Type.OR)) {
                throw new SearchSyntaxException("OR at position " + or.position() + " needs words after it");
            }
            alternatives.add(and());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    private Query and() {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean positive = false;
        int clauses = 0;
        while (next < tokens.size() && !peek(Token.Type.CLOSE) && !peek(Token.Type.OR)) {
            boolean negated = peek(Token.Type.NOT);
            Token at = tokens.get(next);
            if (negated) {
                next++;
                if (next >= tokens.size() || peek(Token.Type.CLOSE) || peek(Token.Type.OR)) {
                    throw new SearchSyntaxException("'-' at position " + at.position() + " needs a word after it");
                }
            }
            Clause clause = primary();
            if (clause.query() == null) {
                continue; // only stop words: nothing to match
            }
            // a field such as kind: narrows the results without weighing in their relevance
            all.add(clause.query(), negated ? Occur.MUST_NOT : clause.filter() ? Occur.FILTER : Occur.MUST);
            positive |= !negated;
            clauses++;
        }
        if (clauses == 0) {
            Token at = next < tokens.size() ? tokens.get(next) : tokens.get(tokens.size() - 1);
            throw new SearchSyntaxException(
                    next < tokens.size() && peek(Token.Type.OR)
                            ? "OR at position " + at.position() + " needs words before it"
                            : "nothing to search for near position " + at.position() + " (only common words?)");
        }
        if (!positive) {
            all.add(new MatchAllDocsQuery(), Occur.MUST); // "-hype" alone: everything but
        }
        return all.build();
    }

    /** A query of the words, or of a field ({@code filter}); a null query when only stop words were left. */
    private record Clause(Query query, boolean filter) {}

    private Clause primary() {
        Token token = tokens.get(next++);
        return switch (token.type()) {
            case OPEN -> {
                if (peek(Token.Type.CLOSE)) {
                    throw new SearchSyntaxException("empty parentheses at position " + token.position());
                }
                if (++nesting > MAX_NESTING) {
                    throw new SearchSyntaxException("the '(' at position " + token.position() + " nests parentheses "
                            + "more than " + MAX_NESTING + " deep: at most " + MAX_NESTING + " levels are read");
                }
                Query inner = or();
                if (!peek(Token.Type.CLOSE)) {
                    throw new SearchSyntaxException("the '(' at position " + token.position() + " is never closed");
                }
                next++;
                nesting--;
                yield new Clause(inner, false);
            }
            case PHRASE -> counted(new Clause(text(token.text(), true), false), token);
            case WORD -> counted(word(token), token);
            default ->
                throw new SearchSyntaxException("unexpected '" + token.text() + "' at position " + token.position());
        };
    }

    private Clause word(Token token) {
        String word = token.text();
        int colon = word.indexOf(':');
        if (colon <= 0) {
            return new Clause(text(word, false), false);
        }
        String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = word.substring(colon + 1);
        if (!FIELDS.contains(field)) {
            return new Clause(text(word, false), false);
        }
        if (value.isEmpty()) {
            throw new SearchSyntaxException(
                    field + ": at position " + token.position() + " needs a value, e.g. " + example(field));
        }
        String v = unquote(value).toLowerCase(Locale.ROOT);
        return new Clause(
                switch (field) {
                    case "topic" -> new TermQuery(new Term(Fields.TOPIC, oneOf(v, RiverFilter.TOPICS, "topic", token)));
                    case "feed" ->
                        v.chars().allMatch(Character::isDigit)
                                ? new TermQuery(new Term(Fields.FEED_ID, v))
                                : required(builder.createPhraseQuery(Fields.FEED, unquote(value)), token);
                    case "kind" -> new TermQuery(new Term(Fields.KIND, oneOf(v, KINDS, "kind", token)));
                    case "stance" -> new TermQuery(new Term(Fields.STANCE, oneOf(v, STANCES, "stance", token)));
                    case "hype" -> hype(v, token);
                    default -> date(field, v, token);
                },
                true);
    }

    /** Counts the terms and fields of a word, phrase or field, and refuses the one that passes the limit. */
    private Clause counted(Clause clause, Token token) {
        if (clause.query() != null) {
            terms += Math.max(1, termsOf(clause.query()));
            if (terms > MAX_TERMS) {
                throw new SearchSyntaxException("'" + shown(token.text()) + "' at position " + token.position()
                        + " takes the query past " + MAX_TERMS + " terms and fields: at most " + MAX_TERMS
                        + " are searched at once");
            }
        }
        return clause;
    }

    /**
     * The terms and other leaves of a query, as Lucene counts them against its clause limit, each term once; the
     * title's and the transcript's copies of a word are not counted (Lucene's limit is more than three times
     * {@link #MAX_TERMS}).
     */
    private static int termsOf(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return !Fields.TITLE.equals(field) && !Fields.SAID.equals(field);
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * Words or a phrase in the title or text, or in what was said in an episode; found in the title, they weigh
     * {@link #TITLE_BOOST} times more, found only in what was said {@link #SAID_BOOST} as much (an hour of talk has
     * many words).
     */
    private Query text(String text, boolean phrase) {
        Query words = words(Fields.WORDS, text, phrase);
        Query title = words(Fields.TITLE, text, phrase);
        if (words == null || title == null) {
            return words;
        }
        Query written = new BooleanQuery.Builder()
                .add(words, Occur.MUST)
                .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
                .build();
        return new BooleanQuery.Builder()
                .add(written, Occur.SHOULD)
                .add(new BoostQuery(words(Fields.SAID, text, phrase), SAID_BOOST), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    private Query words(String field, String text, boolean phrase) {
        return phrase ? builder.createPhraseQuery(field, text) : builder.createBooleanQuery(field, text, Occur.MUST);
    }

    private static Query hype(String value, Token token) {
        String op = value.startsWith(">=") || value.startsWith("<=")
                ? value.substring(0, 2)
                : value.startsWith(">") || value.startsWith("<") || value.startsWith("=") ? value.substring(0, 1) : "=";
        String number = value.substring(op.equals("=") && !value.startsWith("=") ? 0 : op.length());
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new SearchSyntaxException(
                    "hype: at position " + token.position() + " needs a score from 0 to 100, e.g. hype:>40");
        }
        if (n < 0 || n > 100) {
            throw new SearchSyntaxException("hype scores run from 0 to 100, not " + n);
        }
        return switch (op) {
            case ">" -> IntPoint.newRangeQuery(Fields.HYPE, n + 1, Integer.MAX_VALUE);
            case ">=" -> IntPoint.newRangeQuery(Fields.HYPE, n, Integer.MAX_VALUE);
            case "<" -> IntPoint.newRangeQuery(Fields.HYPE, Integer.MIN_VALUE, n - 1);
            case "<=" -> IntPoint.newRangeQuery(Fields.HYPE, Integer.MIN_VALUE, n);
            default -> IntPoint.newExactQuery(Fields.HYPE, n);
        };
    }

    private static Query date(String field, String value, Token token) {
        long day;
        try {
            day = LocalDate.parse(value)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SearchSyntaxException(
                    field + ": at position " + token.position() + " needs a date as YYYY-MM-DD, not '" + value + "'");
        }
        return field.equals("after")
                ? LongPoint.newRangeQuery(Fields.PUBLISHED, day, Long.MAX_VALUE)
                : LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, day - 1);
    }

    private static String oneOf(String value, Set<String> known, String field, Token token) {
        if (!known.contains(value)) {
            throw new SearchSyntaxException("unknown " + field + " '" + value + "' at position " + token.position()
                    + ": one of " + String.join(", ", known.stream().sorted().toList()));
        }
        return value;
    }

    private static Query required(Query query, Token token) {
        if (query == null) {
            throw new SearchSyntaxException("nothing to search for in '" + token.text() + "'");
        }
        return query;
    }

    private static String example(String field) {
        return switch (field) {
            case "hype" -> "hype:>40";
            case "after", "before" -> field + ":2025-11-01";
            case "kind" -> "kind:podcast";
            case "stance" -> "stance:skeptical";
            case "topic" -> "topic:routing";
            default -> "feed:cloudflare";
        };
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /**
     * Whether a query is words alone: no field, phrase, exclusion, OR or parentheses, nothing that asks for an exact
     * match. Such a query may also find posts by its meaning.
     */
    static boolean plain(String input) {
        try {
            List<Token> tokens = tokenize(input);
            return !tokens.isEmpty()
                    && tokens.stream().allMatch(t -> t.type() == Token.Type.WORD && !isField(t.text()));
        } catch (SearchSyntaxException e) {
            return false; // an unclosed quote
        }
    }

    private static boolean isField(String word) {
        int colon = word.indexOf(':');
        return colon > 0 && FIELDS.contains(word.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    private boolean peek(Token.Type type) {
        return next < tokens.size() && tokens.get(next).type() == type;
    }

    /**
     * Splits on spaces; keeps "quoted phrases" (also after field:), parentheses and a leading '-' apart. A '-'
     * inside a word ("ipv6-only") is part of the word.
     */
    private static List<Token> tokenize(String input) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Token.Type.OPEN : Token.Type.CLOSE, String.valueOf(c), i + 1));
                i++;
            } else if (c == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1))) {
                out.add(new Token(Token.Type.NOT, "-", i + 1));
                i++;
            } else if (c == '"') {
                int end = closingQuote(input, i);
                out.add(new Token(Token.Type.PHRASE, input.substring(i + 1, end), i + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < n
                        && !Character.isWhitespace(input.charAt(i))
                        && input.charAt(i) != '('
                        && input.charAt(i) != ')') {
                    if (input.charAt(i) == '"') { // field:"a phrase"
                        i = closingQuote(input, i);
                    }
                    i++;
                }
                String word = input.substring(start, i);
                out.add(new Token(word.equals("OR") ? Token.Type.OR : Token.Type.WORD, word, start + 1));
            }
        }
        return out;
    }

    private static int closingQuote(String input, int opening) {
        int end = input.indexOf('"', opening + 1);
        if (end < 0) {
            throw new SearchSyntaxException("the quote at position " + (opening + 1) + " is never closed");
        }
        return end;
    }
}
