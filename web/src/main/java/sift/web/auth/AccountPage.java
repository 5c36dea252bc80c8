package sift.web.auth;

import java.time.Instant;
import java.util.List;
import sift.store.user.ApiTokenStore;
import sift.store.user.DigestSettings;

/** The reader's account page: digest settings, feed addresses, app passwords, API tokens, devices signed in. */
public record AccountPage(
        List<ApiTokenStore.ApiToken> tokens,
        List<ApiTokenStore.ApiToken> feedTokens,
        List<ApiTokenStore.ApiToken> apps,
        AccountRoutes.Created created,
        String view,
        String base,
        String changed,
        String problem,
        Instant now,
        DigestSettings digest,
        List<String> topics,
        boolean mailConfigured,
        List<String> timeZones) {}
