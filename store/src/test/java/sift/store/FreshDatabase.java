package sift.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh, empty database for each test that asks for one: a {@link Database} parameter of a test or of a
 * {@code @BeforeEach} method, opened on {@link TestDatabase#settings} (H2 in a temporary folder, or a schema of its
 * own on the PostgreSQL run) and closed, its folder deleted, when the test ends. Use with
 * {@code @ExtendWith(FreshDatabase.class)}; a test that reopens its database asks for {@link DbSettings} too, the
 * settings of that same database.
 */
public final class FreshDatabase implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == DbSettings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // one database a test: the @BeforeEach method and the test share it
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Opened opened = store.getOrComputeIfAbsent("database", key -> Opened.open(), Opened.class);
        return parameter.getParameter().getType() == Database.class ? opened.db : opened.settings;
    }

    /** A database and its folder, closed and deleted by JUnit when the test's context closes. */
    private record Opened(Path dir, DbSettings settings, Database db)
            implements ExtensionContext.Store.CloseableResource {
        static Opened open() {
            try {
                Path dir = Files.createTempDirectory("sift-test-db");
                DbSettings settings = TestDatabase.settings(dir);
                return new Opened(dir, settings, Database.open(settings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            db.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
