package io.halcyon.rdl.maven;

import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.rtl.RtlGeneration;
import io.halcyon.rdl.rtl.UnsupportedRtlException;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates the RTL of every chip map the module's dependencies offer ({@link RtlGeneration}). The chip
 * maps are taken as the platforms take them: the {@link ChipCatalog} a chip-maps jar registers for
 * {@link ServiceLoader}, so the RTL is built from the very chip-model values the emulation builds its
 * chips from, with no second reading of the descriptions. The files become resources under
 * {@code rtl/}.
 */
@Mojo(name = "chip-rtl", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class ChipRtlMojo extends AbstractMojo {

    private static final String CATALOG_ENTRY = "META-INF/services/" + ChipCatalog.class.getName();

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/rtl", required = true)
    private File outputDirectory;

    /** Where the files go inside the jar. */
    @Parameter(defaultValue = "rtl", required = true)
    private String targetPath;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<ChipModel> chips = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (Artifact a : project.getArtifacts()) {
                if (a.getFile() != null && a.getFile().isFile() && hasCatalog(a.getFile())) {
                    URLClassLoader loader = new URLClassLoader(new URL[] {a.getFile().toURI().toURL()}, getClass().getClassLoader());
                    loaders.add(loader);
                    for (ChipCatalog catalog : ServiceLoader.load(ChipCatalog.class, loader)) {
                        chips.addAll(catalog.chipMaps());
                    }
                }
            }
            if (chips.isEmpty()) {
                throw new MojoFailureException("no chip maps among the dependencies of " + project.getFile()
                        + "; add the chip-maps module (io.halcyon:platform-chip-maps)");
            }
            List<String> files = RtlGeneration.write(chips.stream().toList(), outputDirectory.toPath().resolve(targetPath));
            getLog().info("RTL of chip maps " + chips.stream().map(ChipModel::name).toList() + ": " + files.size() + " files in "
                    + outputDirectory.toPath().resolve(targetPath));
        } catch (UnsupportedRtlException e) {
            throw new MojoFailureException("RTL generation: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("RTL generation: " + e.getMessage(), e);
        } finally {
            for (URLClassLoader l : loaders) {
                try {
                    l.close();
                } catch (IOException e) {
                    getLog().debug(e);
                }
            }
        }
        Resource resources = new Resource();
        resources.setDirectory(outputDirectory.getAbsolutePath());
        project.addResource(resources);
    }

    private static boolean hasCatalog(File jar) throws IOException {
        try (JarFile j = new JarFile(jar)) {
            return j.getEntry(CATALOG_ENTRY) != null;
        }
    }
}
