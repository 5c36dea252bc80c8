package sift.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

/**
 * A query is bounded before it costs anything: its length, how deep its parentheses nest, how many terms it asks
 * for, and how deep its results go. Each was a 500 (a stack overflow, Lucene's clause limit, an int overflow) and is
 * now a {@link SearchSyntaxException} that names the limit and where (issue 20).
 */
class QueryLimitsTest {
    private static Object parse(String query) {
        return new QueryParser(SearchIndex.analyzer()).parse(query);
    }

    /** {@code count} different words of two letters, none of them a stop word. */
    private static List<String> words(int count) {
        List<String> words = new ArrayList<>();
        for (char first : "jkqxzvwyh".toCharArray()) {
            for (char second = 'a'; second <= 'z' && words.size() < count; second++) {
                words.add("" + first + second);
            }
            for (char second = '0'; second <= '9' && words.size() < count; second++) {
                words.add("" + first + second);
            }
        }
        assertThat(words).hasSize(count);
        return words;
    }

    @Test
    void aQueryOfUpTo1000CharactersIsReadAndALongerOneIsRefusedNamingItsLength() {
        String longest = "bgp ".repeat(250);
        assertThat(longest).hasSize(QueryParser.MAX_LENGTH);
        assertThat(parse(longest)).isNotNull();
        assertThatThrownBy(() -> parse(longest + "x"))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("the query is 1,001 characters long: at most 1,000 are read");
    }

    @Test
    void parenthesesNestUpTo32DeepAndADeeperOneIsRefusedNamingWhere() {
        assertThat(parse("(".repeat(32) + "bgp" + ")".repeat(32))).isNotNull();
        assertThatThrownBy(() -> parse("evpn " + "(".repeat(33) + "bgp" + ")".repeat(33)))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("the '(' at position 38 nests parentheses more than 32 deep: at most 32 levels are read");
    }

    @Test
    void thousandsOfParenthesesAreRefusedWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> parse("(".repeat(100_000) + "bgp"))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("at most 1,000 are read");
        assertThatThrownBy(() -> parse("(".repeat(499) + "x"))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("more than 32 deep");
    }

    @Test
    void upTo256TermsAreSearchedAndTheWordThatPassesThemIsNamed() {
        assertThat(parse(String.join(" OR ", words(150)))).isNotNull();
        assertThat(parse(String.join(" ", words(256)))).isNotNull();
        String tooMany = String.join(" ", words(257));
        assertThatThrownBy(() -> parse(tooMany))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("'" + words(257).get(256) + "' at position " + (tooMany.length() - 1)
                        + " takes the query past 256 terms and fields: at most 256 are searched at once");
    }

    @Test
    void eachTermAWordOrPhraseTurnsIntoCounts() {
        String hyphenated = String.join("-", words(257));
        assertThatThrownBy(() -> parse(hyphenated))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("'" + hyphenated.substring(0, 40) + "…' at position 1 takes the query past 256 terms and "
                        + "fields: at most 256 are searched at once");
        assertThatThrownBy(() -> parse("bgp \"" + String.join(" ", words(256)) + "\""))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("at position 5 takes the query past 256 terms");
        assertThatThrownBy(() -> parse("kind:article ".repeat(77)))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("at most 1,000 are read");
    }

    @Test
    void theTermLimitStaysWellUnderLucenes() {
        assertThat(2 * QueryParser.MAX_TERMS)
                .as("each word is searched in the title too")
                .isLessThan(IndexSearcher.getMaxClauseCount());
    }

    @Test
    void aLimitOrOffsetOutOfRangeIsRefusedNamingItEvenWhereTheSumWouldOverflow() {
        assertThatThrownBy(() -> new SearchRequest("bgp", 1, Integer.MAX_VALUE, SearchRequest.Order.DATE))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("offset must be from 0 to 999 with limit 1, not 2147483647: results go 1000 deep at most; "
                        + "refine the query");
        assertThatThrownBy(() -> new SearchRequest("bgp", 20, -20, SearchRequest.Order.DATE))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("offset must be from 0 to 980 with limit 20, not -20");
        assertThatThrownBy(() -> new SearchRequest("bgp", 5000, 0, SearchRequest.Order.DATE))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessage("limit must be from 1 to 100, not 5000");
        assertThat(new SearchRequest("bgp", 20, 980, SearchRequest.Order.DATE).offset())
                .isEqualTo(980);
    }
}
