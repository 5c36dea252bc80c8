package sift.web.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import sift.web.http.BadInput;

/**
 * Password hashes: Argon2id (Spring Security's encoder with Bouncy Castle's Argon2; 16 MiB, 2 passes, a salt of
 * 16 bytes each), about 50 ms a check here. A name that has no account is checked against a fixed hash all the
 * same, so the time of an answer does not tell which names exist.
 */
public final class Passwords {
    /** The shortest password Sift accepts for an account. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final String NOBODY = ENCODER.encode("a password no account has");

    private Passwords() {}

    public static String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new BadInput("a password needs at least " + MIN_LENGTH + " characters");
        }
        return ENCODER.encode(password);
    }

    /** Whether the password matches the hash; {@code hash} null checks against a hash no password matches. */
    public static boolean matches(String password, String hash) {
        boolean matches = ENCODER.matches(password == null ? "" : password, hash == null ? NOBODY : hash);
        return matches && hash != null;
    }
}
