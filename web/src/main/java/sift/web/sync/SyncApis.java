package sift.web.sync;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import sift.store.feed.FeedStore;
import sift.store.search.SearchIndex;
import sift.store.sync.SyncStore;
import sift.store.user.SavedSearchStore;
import sift.web.admin.FeedAdmin;
import sift.web.auth.AppLogins;
import sift.web.digest.DigestService;

/**
 * The APIs that reading apps sync with: Google Reader's ({@value GoogleReaderRoutes#BASE}) and Fever's. Each call
 * first stores the posts its reader just opened in the pages ({@code flushReads}), so an app never sees them unread.
 */
public final class SyncApis {
    private SyncApis() {}

    public static void register(
            Javalin app,
            AppLogins logins,
            SyncStore sync,
            FeedStore feeds,
            FeedAdmin feedAdmin,
            SavedSearchStore savedSearches,
            SearchIndex index,
            DigestService digests,
            IntSupplier hypeThreshold,
            LongConsumer flushReads,
            Clock clock) {
        ReaderStreams streams = new ReaderStreams(feeds, savedSearches, index, digests, hypeThreshold);
        new GoogleReaderRoutes(logins, sync, feeds, feedAdmin, streams, flushReads, clock).register(app);
        new FeverRoutes(logins, sync, feeds, flushReads, clock).register(app);
    }
}
