package io.halcyon.rdl.compiler.preprocess;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.rules.TemporaryFolder;

import io.halcyon.rdl.compiler.diag.RdlException;

/** What the preprocessor tests share: source files in a temporary folder, and the error a run must end in. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** Writes {@code text} to {@code name} (folders included) under the temporary folder. */
    static Path write(TemporaryFolder tmp, String name, String text) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** The exception {@code r} must throw. */
    static RdlException expectError(Runnable r) {
        try {
            r.run();
        } catch (RdlException e) {
            return e;
        }
        fail("expected an RdlException");
        return null;
    }
}
