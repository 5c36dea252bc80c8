package sift.web.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import sift.ingest.opml.Opml;
import sift.store.Database;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(name = "export-opml", mixinStandardHelpOptions = true, description = "Print the subscriptions as OPML.")
public final class ExportOpmlCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiftConfig config = data.config();
        try (Database db = CommandOptions.open(config)) {
            spec.commandLine().getOut().print(Opml.write(db.feeds().all(), "Sift subscriptions"));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
