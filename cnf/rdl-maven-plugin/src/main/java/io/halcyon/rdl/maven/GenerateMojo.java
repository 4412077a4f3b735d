package io.halcyon.rdl.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.halcyon.rdl.contract.ContractCheck;
import io.halcyon.rdl.contract.RegisterContract;
import io.halcyon.rdl.generator.DescriptionException;
import io.halcyon.rdl.generator.RdlGeneration;

/**
 * Generates a block's typed registers, its register map ({@code List<RegisterInfo>}), register maps in
 * Markdown and HTML and a C header from {@code src/main/rdl/*.rdl} (or IP-XACT {@code *.xml}), and adds
 * the generated sources to the compile.
 * A module without descriptions is skipped, so the plugin can be declared once for every block.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}/src/main/rdl", required = true)
    private File sourceDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/rdl", required = true)
    private File outputDirectory;

    /** Where the register maps (Markdown, HTML) and the C header go. */
    @Parameter(defaultValue = "${project.build.directory}/generated-docs/rdl", required = true)
    private File docDirectory;

    /** Package of the generated code. Unset: {@code packagePrefix.<block>.regs}. */
    @Parameter
    private String packageName;

    /** Used when packageName is unset. */
    @Parameter(defaultValue = "io.halcyon.block")
    private String packagePrefix;

    /** Short block name, e.g. {@code sysctrl}. Unset: the top address map's instance name. */
    @Parameter
    private String blockName;

    /** Top address map to elaborate. Unset: the last one defined. */
    @Parameter
    private String top;

    /**
     * For block bundles: also generate the block-instance configuration type and the HardwareBlock
     * component, so a block bundle holds only its description and its driver. Where the block sits is
     * not the block's business: the platform publishes it per instance from the chip map.
     */
    @Parameter(defaultValue = "false")
    private boolean components;

    @Parameter(defaultValue = "${project.build.directory}/rdl-maven-plugin", readonly = true)
    private File workDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /**
     * The block's register contract as last released ({@code <block>.contract}): the build compares the
     * description with it and fails when the bundle's version does not follow the changes.
     */
    @Parameter(defaultValue = "${project.basedir}/src/baseline", required = true)
    private File baselineDirectory;

    /** Writes the current contract as the baseline (after a release), with the project's version. */
    @Parameter(property = "rdl.contract.rebaseline", defaultValue = "false")
    private boolean rebaseline;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        RdlGeneration.Settings settings = new RdlGeneration.Settings(sourceDirectory.toPath(),
                outputDirectory.toPath(), docDirectory.toPath(), workDirectory.toPath(), packageName, packagePrefix,
                blockName, top, components);
        RdlGeneration.Outcome outcome;
        try {
            outcome = RdlGeneration.run(settings);
        } catch (DescriptionException e) {
            // One line per problem, file:line:column first; no stack trace (the description is wrong, not the build).
            e.problems().forEach(getLog()::error);
            throw new MojoFailureException("invalid register description in " + sourceDirectory + ":\n"
                    + String.join("\n", e.problems()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write generated registers: " + e.getMessage(), e);
        }
        switch (outcome) {
            case NO_SOURCES -> {
                getLog().debug("no *.rdl in " + sourceDirectory + ", nothing to generate");
                return;
            }
            case UP_TO_DATE -> getLog().info("registers up to date (" + outputDirectory + ")");
            case GENERATED -> getLog().info("generated registers into " + outputDirectory + ", register map into "
                    + docDirectory);
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        checkContract(settings);
    }

    /** Compares the register contract with the block's baseline, if it has one; see {@link ContractCheck}. */
    private void checkContract(RdlGeneration.Settings settings) throws MojoExecutionException, MojoFailureException {
        String version = project.getVersion();
        try {
            String current = Files.readString(RdlGeneration.contractFile(settings), StandardCharsets.UTF_8);
            Path baseline = baselineDirectory.toPath().resolve(project.getArtifactId() + ".contract");
            if (rebaseline) {
                Files.createDirectories(baseline.getParent());
                String released = version.replace("-SNAPSHOT", "");
                Files.writeString(baseline, current.replace("\nversion=\n", "\nversion=" + released + "\n"), StandardCharsets.UTF_8);
                getLog().info("register contract baseline written: " + baseline + " (version " + released + ")");
                return;
            }
            if (!Files.exists(baseline)) {
                getLog().debug("no register contract baseline " + baseline);
                return;
            }
            ContractCheck check = ContractCheck.of(RegisterContract.parse(Files.readString(baseline, StandardCharsets.UTF_8)),
                    RegisterContract.parse(current.replace("\nversion=\n", "\nversion=" + version + "\n")), version);
            for (String line : check.lines(project.getArtifactId())) {
                if (check.follows()) {
                    getLog().info(line);
                } else {
                    getLog().error(line);
                }
            }
            if (!check.follows()) {
                throw new MojoFailureException(project.getArtifactId() + ": " + check.problem() + " (baseline " + baseline + ")");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("register contract: " + e.getMessage(), e);
        }
    }
}
