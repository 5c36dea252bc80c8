package sift.web.digest;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import sift.store.user.DigestSettings;
import sift.web.http.FeedReachNotice;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/** {@code GET /digest}: the newest digest; {@code GET /digest/YYYY-MM-DD}: the digest of a day; both with the days before. */
public final class DigestRoutes {
    static final int ARCHIVE_DAYS = 14;

    private final DigestService digests;
    private final Pages pages;
    private final FeedReachNotice reach;

    public DigestRoutes(DigestService digests, Pages pages, FeedReachNotice reach) {
        this.digests = digests;
        this.pages = pages;
        this.reach = reach;
    }

    public void latest(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        DigestSettings settings = digests.settings(reader);
        show(ctx, reader, settings, digests.latestDay(settings));
    }

    public void day(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        String value = ctx.pathParam("day");
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("A digest's day is written YYYY-MM-DD (2025-11-19), not '" + value + "'.");
        }
        DigestSettings settings = digests.settings(reader);
        if (!digests.isMade(day, settings)) {
            throw new NotFoundResponse("The digest of " + day + " is made at " + madeAt(settings) + " that day.");
        }
        show(ctx, reader, settings, day);
    }

    private void show(Context ctx, Long reader, DigestSettings settings, LocalDate day) {
        LocalDate latest = digests.latestDay(settings);
        LocalDate first = digests.firstDay(settings);
        List<LocalDate> archive = new ArrayList<>();
        for (int i = 0; i < ARCHIVE_DAYS && !latest.minusDays(i).isBefore(first); i++) {
            LocalDate earlier = latest.minusDays(i);
            if (!earlier.equals(day)) {
                archive.add(earlier);
            }
        }
        pages.render(
                ctx,
                "digest/page.jte",
                new DigestPage(
                        digests.build(reader, settings, day),
                        madeAt(settings),
                        day.isAfter(first) ? day.minusDays(1) : null,
                        day.isBefore(latest) ? day.plusDays(1) : null,
                        archive,
                        reach.notice()));
    }

    private static String madeAt(DigestSettings settings) {
        return String.format("%02d:00 %s", settings.hour(), settings.timeZone());
    }
}
