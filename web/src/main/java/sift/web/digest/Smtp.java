package sift.web.digest;

import java.util.Objects;

/**
 * The SMTP server digests are sent through: {@code SIFT_SMTP_HOST}, {@code SIFT_SMTP_PORT} (587),
 * {@code SIFT_SMTP_USER}, {@code SIFT_SMTP_PASSWORD}, {@code SIFT_SMTP_FROM} (required with a host),
 * {@code SIFT_SMTP_STARTTLS} (true); read and checked by {@code SiftConfig}.
 */
public record Smtp(String host, int port, String user, String password, String from, boolean startTls) {
    public Smtp {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String toString() {
        return "Smtp[" + host + ":" + port + ", user=" + user + ", from=" + from + ", startTls=" + startTls + "]";
    }
}
