package sift.store.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A boost for fresh posts: {@code 1 + 1 / (1 + age / halfLife)}, so a post published now counts twice, one a
 * half-life old one and a half times, an old one barely more than its relevance. Multiplies BM25.
 */
final class Recency extends DoubleValuesSource {
    private final long nowMillis;
    private final double halfLifeMillis;

    Recency(Instant now, Duration halfLife) {
        this.nowMillis = now.toEpochMilli();
        this.halfLifeMillis = halfLife.toMillis();
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = ctx.reader().getNumericDocValues(Fields.PUBLISHED);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (published == null || !published.advanceExact(doc)) {
                    value = 1;
                    return true;
                }
                double age = Math.max(0, nowMillis - published.longValue());
                value = 1 + 1 / (1 + age / halfLifeMillis);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recency r && r.nowMillis == nowMillis && r.halfLifeMillis == halfLifeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nowMillis, halfLifeMillis);
    }

    @Override
    public String toString() {
        return "recency(halfLife=" + Duration.ofMillis((long) halfLifeMillis) + ")";
    }
}
