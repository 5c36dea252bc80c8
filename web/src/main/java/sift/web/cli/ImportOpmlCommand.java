package sift.web.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.ingest.opml.Opml;
import sift.ingest.opml.OpmlException;
import sift.store.Database;
import sift.store.feed.NewFeed;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(name = "import-opml", mixinStandardHelpOptions = true, description = "Subscribe the feeds of an OPML file.")
public final class ImportOpmlCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Parameters(paramLabel = "FILE", description = "the OPML file")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<NewFeed> feeds = readOpml(file);
        SiftConfig config = data.config();
        try (Database db = CommandOptions.open(config)) {
            spec.commandLine().getOut().println(subscribe(db, feeds, file));
        }
        return 0;
    }

    /** The feeds of an OPML file, or an error naming the file and the line. */
    static List<NewFeed> readOpml(Path file) throws IOException, OpmlException {
        try (InputStream in = Files.newInputStream(file)) {
            return Opml.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new OpmlException("no such file: " + file, e);
        }
    }

    /** Subscribes the feeds, and says how many were new. */
    static String subscribe(Database db, List<NewFeed> feeds, Path file) {
        Instant now = Instant.now();
        long added = feeds.stream().filter(f -> db.feeds().subscribe(f, now)).count();
        return String.format(
                "%s: %d feeds, %d newly subscribed, %d already subscribed",
                file, feeds.size(), added, feeds.size() - added);
    }
}
