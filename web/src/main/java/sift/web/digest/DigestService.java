package sift.web.digest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sift.store.digest.DigestSource;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchSyntaxException;
import sift.store.user.DigestSettings;
import sift.store.user.SavedSearchStore;
import sift.store.user.UserStore;

/**
 * Makes readers' digests. The digest of a day D is made at the reader's hour on D, in the reader's time zone, of the
 * posts published in the 24 hours before; a reader without an account (a public reader) has the digest of 07:00 UTC.
 */
public final class DigestService {
    /** How far back what a reader read and starred tells the reader's interests. */
    static final Duration INTERESTS_FROM = Duration.ofDays(60);

    /** The day's strongest hype-laden claims read for the hype watch. */
    static final int HYPE_CLAIMS = 50;
    /** A saved search's section holds at most this many stories; the first this many saved searches have one. */
    static final int PER_SEARCH = 5;

    static final int SEARCHES = 5;

    private final DigestSource source;
    private final UserStore users;
    private final SavedSearchStore savedSearches;
    private final SearchIndex index;
    private final Clock clock;

    public DigestService(
            DigestSource source, UserStore users, SavedSearchStore savedSearches, SearchIndex index, Clock clock) {
        this.source = source;
        this.users = users;
        this.savedSearches = savedSearches;
        this.index = index;
        this.clock = clock;
    }

    /** The settings a reader's digest is made with (the defaults for nobody). */
    public DigestSettings settings(Long userId) {
        return userId == null ? DigestSettings.DEFAULT : users.digestSettings(userId);
    }

    /** The newest day whose digest is made: today, once the reader's hour has come, else yesterday. */
    public LocalDate latestDay(DigestSettings settings) {
        ZonedDateTime now = clock.instant().atZone(zone(settings));
        LocalDate today = now.toLocalDate();
        return now.getHour() >= settings.hour() ? today : today.minusDays(1);
    }

    /**
     * The first day with a digest worth listing: the day the oldest stored post was published (in the reader's
     * time zone); the newest day while no post is stored. Days before it are empty.
     */
    public LocalDate firstDay(DigestSettings settings) {
        return source.oldestPublished()
                .map(oldest -> oldest.atZone(zone(settings)).toLocalDate())
                .filter(day -> day.isBefore(latestDay(settings)))
                .orElse(latestDay(settings));
    }

    /** Whether the digest of this day is made yet for these settings. */
    public boolean isMade(LocalDate day, DigestSettings settings) {
        return !day.isAfter(latestDay(settings));
    }

    /**
     * The reader's digest of a day (the reader may be null: nobody signed in), made with the reader's settings
     * ({@link #settings}, which the caller has read already).
     */
    public Digest build(Long userId, DigestSettings settings, LocalDate day) {
        ZoneId zone = zone(settings);
        Instant to = day.atTime(settings.hour(), 0).atZone(zone).toInstant();
        Instant from = day.minusDays(1).atTime(settings.hour(), 0).atZone(zone).toInstant();
        DigestBuilder.Interests interests = new DigestBuilder.Interests(
                Set.copyOf(settings.topics()),
                userId == null ? Map.of() : source.interests(userId, to.minus(INTERESTS_FROM)));
        Set<String> watched = userId == null ? Set.of() : source.watchedProducts(userId);
        List<DigestSource.Candidate> posts = source.posts(from, to);
        Digest digest = DigestBuilder.build(
                day, zone, from, to, posts, source.hypeClaims(from, to, HYPE_CLAIMS), interests, watched);
        return userId == null ? digest : digest.withSearches(searches(userId, digest, interests, posts));
    }

    /**
     * A section per saved search of the reader: the day's stories it finds, best first. A search the index
     * cannot read any more (its syntax changed) is left out.
     */
    private List<Digest.SearchSection> searches(
            long userId, Digest digest, DigestBuilder.Interests interests, List<DigestSource.Candidate> posts) {
        List<SavedSearchStore.SavedSearch> saved =
                savedSearches.list(userId).stream().limit(SEARCHES).toList();
        if (saved.isEmpty()) {
            return List.of();
        }
        List<Digest.Story> ranked = DigestBuilder.rank(posts, digest.to(), interests);
        Map<Long, Long> storyOf = new HashMap<>();
        posts.forEach(p -> storyOf.put(p.id(), p.storyId()));
        // the day in UTC days around it; the hits outside the day's posts are dropped below. A period of the request,
        // not words added to the query, so that a saved search as long as a query may be is still read
        SearchRequest.Period days = new SearchRequest.Period(
                digest.from()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant(),
                digest.to()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
        List<Digest.SearchSection> sections = new ArrayList<>();
        for (SavedSearchStore.SavedSearch search : saved) {
            Set<Long> stories = new HashSet<>();
            try {
                index.search(new SearchRequest(
                                search.query(), SearchRequest.MAX_LIMIT, 0, SearchRequest.Order.RELEVANCE, days, null))
                        .hits()
                        .forEach(hit -> {
                            if (storyOf.containsKey(hit.id())) {
                                stories.add(storyOf.get(hit.id()));
                            }
                        });
            } catch (SearchSyntaxException e) {
                continue;
            }
            List<Digest.Story> found = ranked.stream()
                    .filter(s -> stories.contains(s.lead().storyId()))
                    .limit(PER_SEARCH)
                    .toList();
            if (!found.isEmpty()) {
                sections.add(new Digest.SearchSection(search.id(), search.name(), found));
            }
        }
        return sections;
    }

    /** The zone of the settings; one no longer known to this Java (a zone renamed) falls back to UTC. */
    static ZoneId zone(DigestSettings settings) {
        try {
            return ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
