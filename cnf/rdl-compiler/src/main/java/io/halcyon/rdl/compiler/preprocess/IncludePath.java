package io.halcyon.rdl.compiler.preprocess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code `include "name"} finds its file: next to the including file first, then in the include
 * directories in order; an absolute name as it is. Shared by the Perl pass (which puts included files
 * in place before Perl runs) and the Verilog-style pass.
 */
public final class IncludePath {

    private final List<Path> dirs;

    public IncludePath(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** The file, or null when no place has it. */
    Path resolve(String name, Path includingDir) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return Files.isRegularFile(p) ? p : null;
        }
        Path local = includingDir.resolve(name).normalize();
        if (Files.isRegularFile(local)) {
            return local;
        }
        for (Path d : dirs) {
            Path candidate = d.resolve(name).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The message for a name no place has. */
    String notFound(String name, Path includingDir) {
        return "cannot find `include file '" + name + "' (searched " + includingDir + (dirs.isEmpty() ? "" : " and " + dirs)
                + ")";
    }
}
