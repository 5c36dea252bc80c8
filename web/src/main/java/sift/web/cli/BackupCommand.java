package sift.web.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.StoreException;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;
import sift.web.control.ControlChannel;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the embedded database to FILE (a zip), also while Sift runs.")
public final class BackupCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Parameters(paramLabel = "FILE", description = "the zip file to write; it must not exist yet")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiftConfig config = data.config();
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), target + " already exists; choose a new file name");
        }
        String from;
        try (Database db = CommandOptions.open(config)) {
            // a failed backup leaves no partial file under the name asked for
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                db.backupTo(part);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            from = db.describe();
        } catch (StoreException e) {
            if (!e.inUse()) {
                throw e;
            }
            ControlChannel.requestBackup(config.dataDir(), target);
            from = config.db().describe() + " (from the running Sift)";
        }
        spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes)%n", from, target, Files.size(target));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
