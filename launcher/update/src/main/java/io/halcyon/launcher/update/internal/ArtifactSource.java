package io.halcyon.launcher.update.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an update's jar comes from: a path, or Maven coordinates {@code groupId:artifactId:version}
 * looked up in the local repository ({@code maven.repo.local}, else {@code ~/.m2/repository}).
 * The host never downloads: what is deployed is what the operator built or fetched.
 */
final class ArtifactSource {

    private static final Pattern COORDINATES = Pattern.compile("([\\w.-]+):([\\w.-]+):([\\w.+-]+)");

    private ArtifactSource() {}

    static JarImage read(String source) {
        Path jar = locate(source);
        try {
            return JarImage.of(Files.readAllBytes(jar), jar.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Path locate(String source) {
        Path asPath = Path.of(source);
        Matcher m = COORDINATES.matcher(source);
        if (Files.isRegularFile(asPath) || !m.matches()) {
            if (!Files.isRegularFile(asPath)) {
                throw new IllegalArgumentException(source + ": no such jar (give a jar path or groupId:artifactId:version)");
            }
            return asPath;
        }
        String artifactId = m.group(2);
        String version = m.group(3);
        Path jar = localRepository().resolve(m.group(1).replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(source + ": not in the local Maven repository (looked for " + jar + ")");
        }
        return jar;
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
