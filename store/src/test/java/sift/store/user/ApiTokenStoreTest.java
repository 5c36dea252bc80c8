package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sift.store.user.ApiTokenStore.Scope.API;
import static sift.store.user.ApiTokenStore.Scope.FEEDS;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.sql.AlreadyExistsException;

@ExtendWith(FreshDatabase.class)
class ApiTokenStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    Database db;
    ApiTokenStore tokens;
    long ana;
    long ben;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        tokens = db.apiTokens();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
    }

    @Test
    void aTokenFindsItsReaderAndNotesItsUseCoarsely() {
        String token = tokens.create(ana, API, "laptop", NOW);
        assertThat(token).startsWith("sift_").hasSize(5 + 43);
        assertThat(tokens.list(ana, API))
                .singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNull());

        assertThat(tokens.find(API, token, NOW.plusSeconds(10))).map(User::name).hasValue("ana");
        assertThat(tokens.list(ana, API).get(0).lastUsedAt()).isEqualTo(NOW.plusSeconds(10));
        tokens.find(API, token, NOW.plusSeconds(60));
        assertThat(tokens.list(ana, API).get(0).lastUsedAt())
                .as("within five minutes")
                .isEqualTo(NOW.plusSeconds(10));
        tokens.find(API, token, NOW.plusSeconds(400));
        assertThat(tokens.list(ana, API).get(0).lastUsedAt()).isEqualTo(NOW.plusSeconds(400));
    }

    @Test
    void unknownMalformedAndRevokedTokensFindNobody() {
        String token = tokens.create(ana, API, "laptop", NOW);
        assertThat(tokens.find(API, token + "x", NOW)).isEmpty();
        assertThat(tokens.find(API, "not-a-token", NOW)).isEmpty();
        assertThat(tokens.find(API, null, NOW)).isEmpty();
        assertThat(tokens.revoke(ben, API, "laptop"))
                .as("only its reader revokes it")
                .isFalse();
        assertThat(tokens.revoke(ana, API, "laptop")).isTrue();
        assertThat(tokens.find(API, token, NOW)).isEmpty();
        assertThat(tokens.list(ana, API)).isEmpty();
    }

    @Test
    void aReaderNamesEachTokenOnce() {
        tokens.create(ana, API, "laptop", NOW);
        tokens.create(ben, API, "laptop", NOW);
        assertThatThrownBy(() -> tokens.create(ana, API, "laptop", NOW))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("'laptop'");
    }

    @Test
    void aFeedSecretOpensFeedsOnlyAndAnApiTokenOpensTheApiOnly() {
        String feeds = tokens.create(ana, FEEDS, "NetNewsWire", NOW);
        String api = tokens.create(ana, API, "NetNewsWire", NOW);
        assertThat(tokens.find(FEEDS, feeds, NOW)).map(User::name).hasValue("ana");
        assertThat(tokens.find(API, feeds, NOW))
                .as("a feed secret reads feeds, nothing else")
                .isEmpty();
        assertThat(tokens.find(FEEDS, api, NOW)).isEmpty();
        assertThat(tokens.list(ana, FEEDS))
                .extracting(ApiTokenStore.ApiToken::name)
                .containsExactly("NetNewsWire");
        assertThat(tokens.revoke(ana, FEEDS, "NetNewsWire")).isTrue();
        assertThat(tokens.find(FEEDS, feeds, NOW)).isEmpty();
        assertThat(tokens.find(API, api, NOW))
                .as("the API token of the same name stays")
                .isPresent();
    }

    @Test
    void aDisabledReadersTokensOpenNothingUntilEnabledAgain() {
        String api = tokens.create(ana, API, "laptop", NOW);
        String feeds = tokens.create(ana, FEEDS, "phone", NOW);
        db.users().setDisabled(ana, true, NOW);
        assertThat(tokens.find(API, api, NOW)).isEmpty();
        assertThat(tokens.find(FEEDS, feeds, NOW)).isEmpty();
        db.users().setDisabled(ana, false, NOW);
        assertThat(tokens.find(API, api, NOW)).isPresent();
        assertThat(tokens.revokeAll(ana)).isEqualTo(2);
    }

    @Test
    void anAppPasswordIsTypeableFindsItsReaderByItselfOrByItsFeverKeyAndIsRevoked() {
        String password = tokens.createAppPassword(ana, "ana", "Reeder", NOW);
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){5}");
        assertThat(tokens.find(ApiTokenStore.Scope.APP, password, NOW))
                .map(User::name)
                .hasValue("ana");
        assertThat(tokens.find(API, password, NOW)).as("not an API token").isEmpty();
        String key = ApiTokenStore.feverKey("ana", password);
        assertThat(key).hasSize(32);
        assertThat(tokens.findByFeverKey(key.toUpperCase(java.util.Locale.ROOT), NOW))
                .map(User::name)
                .hasValue("ana");
        assertThat(tokens.findByFeverKey(ApiTokenStore.feverKey("ben", password), NOW))
                .as("the key of another name")
                .isEmpty();
        assertThat(tokens.findByFeverKey("not hex", NOW)).isEmpty();
        assertThat(tokens.list(ana, ApiTokenStore.Scope.APP))
                .extracting(ApiTokenStore.ApiToken::name)
                .containsExactly("Reeder");
        assertThatThrownBy(() -> tokens.createAppPassword(ana, "ana", "Reeder", NOW))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("Reeder");

        assertThat(tokens.revoke(ana, ApiTokenStore.Scope.APP, "Reeder")).isTrue();
        assertThat(tokens.find(ApiTokenStore.Scope.APP, password, NOW)).isEmpty();
        assertThat(tokens.findByFeverKey(key, NOW)).isEmpty();
    }
}
