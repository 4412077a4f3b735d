package io.halcyon.launcher.update.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;

/**
 * Where the manager keeps what must outlive the host process: the update history and the jars each
 * bundle ran. The host names a directory of its state folder in the framework property
 * {@value #PROPERTY} ({@code launcher/host/target/state/update/} by default), which a restart and a
 * SIGKILL leave alone. Without it (Pax Exam, an embedding that sets none) the manager uses its bundle
 * data area, which lasts only as long as the framework's cache, and says so once.
 *
 * @param root the directory
 */
record StateDirectory(Path root) {

    static final String PROPERTY = "halcyon.update.state";

    static StateDirectory of(BundleContext context, Consumer<String> log) throws IOException {
        String configured = context.getProperty(PROPERTY);
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            File data = context.getDataFile("state");
            if (data == null) {
                throw new IOException("no " + PROPERTY + " and no bundle data area: the update history has nowhere to go");
            }
            root = data.toPath();
            log.accept("no " + PROPERTY + " set: the update history and revisions last only as long as the framework's cache ("
                    + root + ")");
        }
        return new StateDirectory(Files.createDirectories(root));
    }

    Path history() {
        return root.resolve("history.jsonl");
    }

    Path revisions() {
        return root.resolve("revisions");
    }
}
