package sift.store.user;

import java.util.List;
import java.util.Objects;

/**
 * How a reader's daily digest is made: at {@code hour} o'clock in {@code timeZone} (an IANA zone id), ranked up by
 * the topic ids the reader follows, and sent to {@code email} when {@code byEmail}.
 */
public record DigestSettings(String timeZone, int hour, List<String> topics, String email, boolean byEmail) {
    public static final DigestSettings DEFAULT = new DigestSettings("UTC", 7, List.of(), null, false);

    public DigestSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("the digest hour must be 0 to 23, not " + hour);
        }
        topics = List.copyOf(topics);
        if (byEmail && (email == null || email.isBlank())) {
            throw new IllegalArgumentException("a digest by e-mail needs an e-mail address");
        }
    }
}
