package io.halcyon.rdl.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.chipmap.BlockBundle;
import io.halcyon.rdl.chipmap.BlockBundles;
import io.halcyon.rdl.chipmap.ChipMapBuild;
import io.halcyon.rdl.generator.ChipMapPages;
import io.halcyon.rdl.generator.DescriptionException;
import io.halcyon.rdl.generator.RdlGeneration;

/**
 * Builds chip maps: takes the block descriptions from the module's dependencies that declare a
 * {@code halcyon.block} capability, compiles each chip map of {@code src/main/rdl} against them, and
 * generates the Java that builds each map as a chip model at run time (one class per map, and an index
 * registered as the bundle's {@code ChipCatalog} service that requires every block type the maps place).
 * A bad chip map fails the build with its file, line and the names involved.
 */
@Mojo(name = "chip-maps", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class ChipMapsMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}/src/main/rdl", required = true)
    private File sourceDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/chip-maps", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/chip-maps", required = true)
    private File resourceDirectory;

    /** Where the HTML pages go: an index per chip map and the register map of each block type it places. */
    @Parameter(defaultValue = "${project.build.directory}/generated-docs/rdl", required = true)
    private File docDirectory;

    /** Package of the generated classes (private to the bundle: the index is found as a service). */
    @Parameter(defaultValue = "io.halcyon.platform.chipmaps", required = true)
    private String packageName;

    /**
     * The artifactId of a block type's bundle, with {@code %s} for the type: named when a chip map
     * places a type no dependency provides.
     */
    @Parameter(defaultValue = "block-%s", required = true)
    private String blockArtifactPattern;

    @Parameter(defaultValue = "${project.build.directory}/rdl-maven-plugin/chip-maps", readonly = true)
    private File workDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String hint = "add " + project.getGroupId() + ":" + blockArtifactPattern + " (scope runtime) to the dependencies of "
                + project.getFile();
        List<ChipModel> maps;
        try {
            List<BlockBundle> blocks = blockBundles();
            ChipMapBuild.Settings settings = new ChipMapBuild.Settings(sourceDirectory.toPath(), blocks, hint,
                    packageName, outputDirectory.toPath(), resourceDirectory.toPath(), workDirectory.toPath());
            maps = ChipMapBuild.run(settings);
            Map<String, Path> descriptions = new HashMap<>();
            blocks.forEach(b -> descriptions.put(b.type(), b.descriptions()));
            RdlGeneration.writeReplacing(workDirectory.toPath().resolve("scratch-docs"), docDirectory.toPath(),
                    ChipMapPages.pages(maps, descriptions));
        } catch (DescriptionException e) {
            e.problems().forEach(getLog()::error);
            throw new MojoFailureException("invalid chip map in " + sourceDirectory + ":\n" + String.join("\n", e.problems()));
        } catch (IOException e) {
            throw new MojoExecutionException("chip maps: " + e.getMessage(), e);
        }
        if (maps.isEmpty()) {
            getLog().debug("no *.rdl in " + sourceDirectory + ", no chip maps to build");
            return;
        }
        getLog().info("chip maps " + maps.stream().map(ChipModel::name).toList() + " generated into " + outputDirectory);
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        Resource resources = new Resource();
        resources.setDirectory(resourceDirectory.getAbsolutePath());
        project.addResource(resources);
    }

    /** The block types the dependencies provide, their descriptions ready to compile. */
    private List<BlockBundle> blockBundles() throws IOException {
        List<BlockBundle> found = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() != null) {
                found.addAll(BlockBundles.read(a.getFile().toPath(), a.getGroupId() + ":" + a.getArtifactId(),
                        workDirectory.toPath().resolve("blocks")));
            }
        }
        return found;
    }
}
