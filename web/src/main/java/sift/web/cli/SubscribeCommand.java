package sift.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.ingest.discover.FeedDiscovery;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fulltext.FullText;
import sift.ingest.parse.FeedParser;
import sift.store.Database;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;
import sift.web.CommandOptions;
import sift.web.CommandOptions.AllowPrivate;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;
import sift.web.http.BadInput;

@Command(
        name = "subscribe",
        mixinStandardHelpOptions = true,
        description = "Subscribe a feed by its URL or by the URL of a web page that announces it.")
public final class SubscribeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @CommandLine.Mixin
    AllowPrivate allowPrivate = new AllowPrivate();

    @Parameters(paramLabel = "URL", description = "a feed, or a page of the site")
    URI url;

    @Option(names = "--category", paramLabel = "NAME", description = "the category to file it under")
    String category;

    @Option(
            names = "--full-text",
            negatable = true,
            description = "fetch the full text of teasers from their "
                    + "pages (on for a new feed; --no-full-text keeps the feed's text as it is)")
    Boolean fullText;

    @Option(
            names = "--full-text-selector",
            paramLabel = "CSS",
            description = "the CSS selector of the article on the feed's pages, when Sift does not find it by itself")
    String selector;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String badSelector = FullText.selectorProblem(selector);
        if (badSelector != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--full-text-selector: " + badSelector);
        }
        SiftConfig config = allowPrivate.apply(data.config());
        FeedDiscovery.Result result;
        try (FeedFetcher fetcher =
                new FeedFetcher(config.ingest().fetchSettings().withHostGap(Duration.ZERO))) {
            result = new FeedDiscovery(fetcher, new FeedParser()).discover(url);
        }
        if (result.feeds().isEmpty()) {
            throw new BadInput(result.problem());
        }
        FeedDiscovery.Found feed = result.feeds().get(0);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = CommandOptions.open(config)) {
            boolean added = db.feeds().subscribe(new NewFeed(feed.url(), feed.title(), category), Instant.now());
            out.println((added ? "subscribed " : "already subscribed ")
                    + feed.url()
                    + (feed.title() == null ? "" : " (" + feed.title() + ")"));
            if (fullText != null || selector != null) {
                Feed stored = db.feeds().findByUrl(feed.url()).orElseThrow();
                boolean on = fullText != null ? fullText : stored.fullText();
                String css = selector != null ? selector : stored.fullTextSelector();
                db.feeds().setFullText(stored.id(), on, css);
                out.println("full text of teasers: " + (on ? "on" : "off")
                        + (css == null || css.isBlank() ? "" : ", article at '" + css.strip() + "'"));
            }
        }
        result.feeds().stream()
                .skip(1)
                .forEach(other -> out.println(
                        "also offered: " + other.url() + (other.title() == null ? "" : " (" + other.title() + ")")));
        out.flush();
        return 0;
    }
}
