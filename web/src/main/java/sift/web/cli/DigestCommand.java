package sift.web.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.search.SearchIndex;
import sift.store.user.DigestSettings;
import sift.store.user.User;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;
import sift.web.digest.Digest;
import sift.web.digest.DigestService;
import sift.web.digest.DigestText;
import sift.web.http.Pages;

/**
 * {@code sift digest [--date YYYY-MM-DD] [--format md|html] [--user NAME]}: prints a day's digest (the newest made,
 * unless a date is given), as a reader sees it or as anyone does. Links point at {@code SIFT_BASE_URL}.
 */
@Command(name = "digest", mixinStandardHelpOptions = true, description = "Print the daily digest as Markdown or HTML.")
public final class DigestCommand implements Callable<Integer> {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day (default: the newest digest made)")
    String date;

    @Option(names = "--format", paramLabel = "md|html", description = "Markdown (default) or a whole HTML document")
    String format = "md";

    @Option(names = "--user", paramLabel = "NAME", description = "the reader whose digest it is (topics, time zone)")
    String user;

    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("md") && !format.equals("html")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--format must be md or html, not '" + format + "'");
        }
        SiftConfig config = data.config();
        try (Database db = CommandOptions.open(config);
                SearchIndex index = SearchIndex.open(config.indexDir(), db.postChanges(), Clock.systemUTC())) {
            index.linkStories(); // posts stored since serve last ran are told once per story too
            Long reader = null;
            if (user != null) {
                reader = db.users()
                        .find(user)
                        .map(User::id)
                        .orElseThrow(() -> new CommandLine.ParameterException(
                                spec.commandLine(),
                                "There is no reader '" + user + "' in "
                                        + config.db().describe()));
            }
            DigestService digests =
                    new DigestService(db.digests(), db.users(), db.savedSearches(), index, Clock.systemUTC());
            DigestSettings settings = digests.settings(reader);
            LocalDate day = date == null ? digests.latestDay(settings) : day(date);
            Digest digest = digests.build(reader, settings, day);
            String base = config.baseUrl(config.http().port());
            spec.commandLine()
                    .getOut()
                    .print(
                            format.equals("md")
                                    ? DigestText.markdown(digest, base)
                                    : new Pages().html("digest/document.jte", Map.of("digest", digest, "base", base)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--date is written YYYY-MM-DD, not '" + value + "'");
        }
    }
}
