package io.halcyon.platform.emulation.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;

/**
 * The chip's SystemRDL descriptions, carried as bundle resources (copied from the block bundles at
 * build time) and elaborated once per JVM: the model is immutable, every emulated chip builds its own
 * register files from it. The same descriptions drive the generated drivers, so the emulation cannot
 * drift from them.
 */
public final class ChipDescriptions {

    private static final String FOLDER = "/io/halcyon/platform/emulation/rdl/";

    private static volatile ElaboratedModel sysctrl;
    private static volatile long sysctrlElaborationNanos;

    private ChipDescriptions() {
    }

    /** The system-control block (sysctrl.rdl). */
    public static ElaboratedModel sysctrl() {
        ElaboratedModel m = sysctrl;
        if (m == null) {
            synchronized (ChipDescriptions.class) {
                if (sysctrl == null) {
                    long start = System.nanoTime();
                    sysctrl = elaborate("sysctrl.rdl");
                    sysctrlElaborationNanos = System.nanoTime() - start;
                }
                m = sysctrl;
            }
        }
        return m;
    }

    /** How long reading and elaborating sysctrl.rdl took (0 before the first {@link #sysctrl()}). */
    public static long sysctrlElaborationNanos() {
        return sysctrlElaborationNanos;
    }

    static ElaboratedModel elaborate(String file) {
        // No Perl pass: the chip's descriptions use none, and the emulation must not start processes.
        return new RdlCompiler().perl(null).compileText(resource(file), file).elaborate(null);
    }

    private static String resource(String file) {
        try (InputStream in = ChipDescriptions.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("description " + file + " is missing from the emulation bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
