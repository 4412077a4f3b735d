import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Processor;

/**
 * Build step of launcher/host (pom.xml, after the assemblies are exported): writes each assembly's
 * framework properties, its {@code .bndrun}'s {@code -runproperties}, to {@code EXPORT/<name>.properties}
 * beside the exported bundles, so the host reads them with java.util.Properties and carries no bnd.
 * bnd itself evaluates the file (includes, {@code -runproperties.*} keys, macros), exactly as its own
 * launcher would. Run by the JDK's source launcher with bndlib on the class path:
 * {@code java -cp BNDLIB RunProperties.java DECLARATIONS EXPORT}.
 */
public final class RunProperties {

    public static void main(String[] args) throws Exception {
        Path declarations = Path.of(args[0]);
        Path export = Files.createDirectories(Path.of(args[1]));
        try (DirectoryStream<Path> bndruns = Files.newDirectoryStream(declarations, "*.bndrun")) {
            for (Path bndrun : bndruns) {
                String name = bndrun.getFileName().toString().replaceFirst("\\.bndrun$", "");
                write(runProperties(bndrun), export.resolve(name + ".properties"), bndrun);
            }
        }
    }

    private static Map<String, String> runProperties(Path bndrun) throws IOException {
        try (Processor run = new Processor()) {
            run.setBase(bndrun.getParent().toFile());
            run.setProperties(bndrun.toFile());
            Map<String, String> properties = OSGiHeader.parseProperties(run.mergeProperties(Constants.RUNPROPERTIES), run);
            if (!run.isOk()) {
                throw new IllegalStateException(bndrun + ": " + run.getErrors());
            }
            return properties;
        }
    }

    private static void write(Map<String, String> runProperties, Path file, Path source) throws IOException {
        Properties properties = new Properties();
        properties.putAll(runProperties);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "-runproperties of " + source.getFileName() + ", written by the build: edit the .bndrun, not this file");
        }
    }
}
