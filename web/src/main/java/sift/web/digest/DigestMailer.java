package sift.web.digest;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.digest.DigestSource;
import sift.store.user.UserStore;
import sift.web.http.Pages;
import sift.web.http.Threads;

/**
 * Sends each reader who asked for it the digest of the day, once, when the reader's hour has come: as HTML with a
 * Markdown text part, through the admin's SMTP server. A reader whose mail fails is tried again at the next round;
 * the others are not held up.
 */
public final class DigestMailer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private final Smtp smtp;
    private final String baseUrl;
    private final DigestService digests;
    private final DigestSource source;
    private final UserStore users;
    private final Pages pages;
    private final Clock clock;
    private final Session session;
    private ScheduledExecutorService rounds;

    public DigestMailer(
            Smtp smtp,
            String baseUrl,
            DigestService digests,
            DigestSource source,
            UserStore users,
            Pages pages,
            Clock clock) {
        this.smtp = smtp;
        this.baseUrl = baseUrl;
        this.digests = digests;
        this.source = source;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        props.put("mail.smtp.auth", String.valueOf(smtp.user() != null));
        this.session = Session.getInstance(
                props,
                smtp.user() == null
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(smtp.user(), smtp.password());
                            }
                        });
    }

    /** Sends the due digests every {@code everySeconds}, in the background. */
    public void start(long everySeconds) {
        rounds = Executors.newSingleThreadScheduledExecutor(Threads.daemon("sift-digest-mail"));
        rounds.scheduleWithFixedDelay(
                () -> {
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        log.error("Digest e-mail round failed: {}", e.getMessage(), e);
                    }
                },
                0,
                everySeconds,
                TimeUnit.SECONDS);
    }

    /** One round: every subscriber whose digest of the newest day has not gone out yet gets it. Returns how many went. */
    public int sendDue() {
        int sent = 0;
        for (UserStore.Subscriber reader : users.digestSubscribers()) {
            LocalDate day = digests.latestDay(reader.settings());
            if (source.sent(reader.userId(), day)) {
                continue;
            }
            try {
                send(reader.settings().email(), digests.build(reader.userId(), reader.settings(), day));
                source.markSent(reader.userId(), day, clock.instant());
                log.info(
                        "Sent the digest of {} to '{}' <{}> through {}:{}",
                        day,
                        reader.name(),
                        reader.settings().email(),
                        smtp.host(),
                        smtp.port());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                log.warn(
                        "Could not send the digest of {} to '{}' <{}> through {}:{} (tried again next round): {}",
                        day,
                        reader.name(),
                        reader.settings().email(),
                        smtp.host(),
                        smtp.port(),
                        e.getMessage());
            }
        }
        return sent;
    }

    private void send(String to, Digest digest) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(digest.title(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(DigestText.markdown(digest, baseUrl), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                pages.html("digest/document.jte", Map.of("digest", digest, "base", baseUrl)),
                "text/html; charset=utf-8");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        Transport.send(message);
    }

    @Override
    public void close() {
        if (rounds != null) {
            Threads.stop(rounds, "The digest mailer");
        }
    }
}
