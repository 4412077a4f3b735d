package io.halcyon.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

import io.halcyon.launcher.host.Assembly;

/**
 * The main host's assembly as Pax Exam options, read through the host's own {@link Assembly}: its
 * bundles, installed from the folder the build exported them to (never from the class path) in the
 * host's order, and its framework properties. Used in the test driver only: the host's classes are
 * not in the framework, so no class the framework loads may name them.
 */
final class MainAssembly {

    /**
     * The host's home, where the build exported the assemblies (surefire passes it; the default lets a
     * test run from an IDE after `mvn verify` once).
     */
    private static final Path HOST = Paths.get(System.getProperty("halcyon.itest.host", "../launcher/host/target"));

    private MainAssembly() {}

    /**
     * @param deploy the hot-deploy directory FileInstall watches (the host sets it where it runs, so do the tests)
     * @param keep which of the assembly's bundle jars to install (all but one: a host that lacks a driver)
     */
    static List<Option> provisioning(Path deploy, java.util.function.Predicate<Path> keep) throws IOException {
        Assembly main;
        try {
            main = Assembly.load(HOST.toAbsolutePath().normalize(), Assembly.MAIN);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; `mvn verify` builds launcher/host before this module", e);
        }
        List<Option> options = new ArrayList<>();
        main.properties().forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        options.add(frameworkProperty("felix.fileinstall.dir").value(Files.createDirectories(deploy).toString()));
        for (Path jar : main.jars().stream().filter(keep).toList()) {
            options.add(bundle(jar.toUri().toString()));
        }
        return options;
    }
}
