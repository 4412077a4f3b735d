package io.halcyon.launcher.qemu;

import java.nio.file.Path;
import java.util.List;

/**
 * The shell script the guest runs (chrooted into the host's root, so host paths work as they are): two
 * HAL hosts on the production platform (plus the emulation), each started with {@code launcher/halcyon}
 * and the JDK running this tool.
 *
 * <ol>
 * <li>{@value #INTERPRETED}, naming the device as the UIO device uio_pci_generic made of it ({@value #UIO}):
 * the production platform's and the guest commands' classes are excluded from compilation, and so are the
 * JDK methods that issue the load or store ({@link #ACCESS_LEAVES}), so every access is the interpreter's:
 * register tests side by side (before anything has written the device, as reset checks need), the access
 * phases, the benchmark.
 * <li>{@value #COMPILED}: a warm-up run of the phases until the JIT has compiled the access path (C2, tier
 * 4, which PrintCompilation shows; -Xbatch makes each compilation finish before the code that asked for it
 * goes on, so the compiled phases run the compiled code), the access phases again, the driver checks on the device and on the
 * emulated edu, the benchmark, and last the device's removal (an ACPI eject), which the platform must report.
 * This host names no device: the platform finds the edu by its PCI id.
 * </ol>
 * Each run's lines are preceded by {@code HITL-GUEST run NAME} and followed by its exit code.
 *
 * <p>{@link #untraced} is the script of a second, short boot without QEMU's trace, {@value #UNTRACED}: the
 * compiled host's benchmark alone, where a device access costs what QEMU's edu costs (tens of ns) rather
 * than a trace line's hundreds.
 */
final class GuestScript {

    static final String INTERPRETED = "interpreted";
    static final String COMPILED = "compiled";
    static final String REFUSALS = "refusals";
    static final String UNTRACED = "untraced";
    /**
     * The JDK methods in which a production access's load or store happens when their caller is interpreted
     * (DeviceAccess: sun.misc.Unsafe's on JDK 17, the FFM var handles' on 22 and later), as CompileCommand
     * patterns. Excluded from compilation in the interpreted run (where the platform's own classes are), so
     * that the store executed is the interpreter's native Unsafe.putInt, not a standalone compilation of a
     * wrapper; an excluded method is not inlined either. Only these signatures of jdk.internal.misc.Unsafe:
     * its other methods are everyone's.
     */
    static final List<String> ACCESS_LEAVES = List.of("sun.misc.Unsafe::*", "jdk.internal.misc.Unsafe::getInt(J)I",
            "jdk.internal.misc.Unsafe::putInt(JI)V", "jdk.internal.misc.Unsafe::getLong(J)J", "jdk.internal.misc.Unsafe::putLong(JJ)V",
            "jdk.internal.misc.Unsafe::*Unaligned", "jdk.internal.misc.ScopedMemoryAccess::*", "java.lang.invoke.VarHandleSegmentAs*::*");
    /** A PCI address no device has in the guest (QEMU's pc machine puts nothing at slot 0x1f). */
    static final String MISSING_BDF = "0000:00:1f.7";
    /** The guest's one UIO device: the edu, bound to uio_pci_generic by the guest's init. */
    static final String UIO = "uio0";
    /** Accesses per phase: each run issues at least this many writes and reads in its phases. */
    static final int COUNT = 10_000;
    static final int WARM_UP = 40_000;
    /** Accesses per timed measurement of the benchmark (of which it takes 51 rounds of four): about a millisecond of the guest's time. */
    static final int BENCH = 1_000;
    /** The production chip: the emulated edu is chip 0 (HALCYON_CHIPS=qemu_edu), the device chip 1. */
    static final int PRODUCTION_CHIP = 1;
    /** The edu BAR offset of the phase markers (io.halcyon.launcher.hitl.AccessPhases.MARKER_OFFSET). */
    static final long MARKER_OFFSET = 0x10;

    private GuestScript() {
    }

    static String text(Path root, Path javaHome) {
        StringBuilder interpreted = new StringBuilder(COMMON + " -XX:CompileCommand=quiet"
                + " -XX:CompileCommand=exclude,io.halcyon.platform.production.*::*"
                + " -XX:CompileCommand=exclude,io.halcyon.launcher.hitl.*::*");
        ACCESS_LEAVES.forEach(m -> interpreted.append(" -XX:CompileCommand=exclude,").append(m));
        return header(root, javaHome)
                + run(INTERPRETED, "--device " + UIO + " ", interpreted.toString(), "hitl:butr; hitl:accesses " + INTERPRETED + " " + COUNT
                        + "; hal:hitl --all --attached-only; " + BENCH_COMMAND)
                + refusals()
                + run(COMPILED, "", COMMON + " -Xbatch " + WHOLE_LOOPS, "hitl:accesses warm-up " + WARM_UP + "; hitl:accesses " + COMPILED + " " + COUNT
                        + "; hitl:checks production; hitl:checks emulation; " + BENCH_COMMAND + "; hitl:gone");
    }

    /**
     * The second boot's script: the benchmark, with QEMU tracing nothing, on the production assembly as a user
     * runs it (no hitl: command, so no emulated chip: the device is chip 0).
     */
    static String untraced(Path root, Path javaHome) {
        return header(root, javaHome) + run(UNTRACED, "", COMMON + " -Xbatch " + WHOLE_LOOPS, "production:bench 0 edu.LIVENESS " + BENCH);
    }

    // PrintCompilation goes to a log file, not stdout: a compiler thread's line would land inside a HITL line.
    private static final String COMMON = "-Dhalcyon.state=/tmp/halcyon-state -XX:-UsePerfData -XX:+PrintCompilation"
            + " -XX:+UnlockDiagnosticVMOptions -XX:+LogVMOutput -XX:-DisplayVMOutput -XX:LogFile=/tmp/halcyon-jit.log";
    /**
     * Compiled code in 1 KiB segments, for the JVMs whose benchmark times compiled loops: QEMU's TCG does not
     * chain translated blocks across a 4 KiB guest page, so a compiled loop that straddles one pays a block
     * lookup per iteration, an artifact of the emulator no hardware has (measured: the benchmark's write loop
     * straddled a page in 1 of 8 JVMs, whose HAL writes reached 0.567 of raw against 0.931-0.956 in the
     * others). With nmethods starting on 1 KiB boundaries a loop within the first KiB of its method's code, as
     * the benchmark's are, never straddles a page. Costs code cache space only.
     */
    private static final String WHOLE_LOOPS = "-XX:+UnlockExperimentalVMOptions -XX:CodeCacheSegmentSize=1024";
    private static final String BENCH_COMMAND = "production:bench " + PRODUCTION_CHIP + " edu.LIVENESS " + BENCH;

    private static String header(Path root, Path javaHome) {
        return "#!/bin/sh\n"
                + "# Written by launcher/qemu (QemuHitl) for one guest run; see GuestScript.java.\n"
                + "cd '" + root + "' || exit 1\n"
                + "export JAVA_HOME='" + javaHome + "' HALCYON_CHIPS=qemu_edu HALCYON_DEPLOY=/tmp/halcyon-deploy\n"
                + "mkdir -p /tmp/halcyon-deploy /tmp/halcyon-state\n";
    }

    /**
     * Bad input on the real device: a host started as an unprivileged user (no permission on the BAR's resource
     * file) and naming, before the edu, a BDF that does not exist. Each refusal is one line on stderr, echoed as
     * {@code HITL-GUEST refused LINE}; with no chip published the host is not ready (exit 4).
     */
    private static String refusals() {
        return "echo \"HITL-GUEST uio-events $(cat /sys/class/uio/uio0/event 2>/dev/null || echo 0)\"\n"
                + "echo 'HITL-GUEST run " + REFUSALS + "'\n"
                + "for d in /sys/bus/pci/devices/*; do [ \"$(cat $d/vendor):$(cat $d/device)\" = 0x1234:0x11e8 ] && edu=${d##*/}; done\n"
                + "mkdir -p /tmp/halcyon-state-user && chmod 777 /tmp/halcyon-state-user\n"
                + "HALCYON_JAVA_OPTS='-Dhalcyon.state=/tmp/halcyon-state-user -XX:-UsePerfData' setpriv --reuid=65534 --regid=65534"
                + " --clear-groups launcher/halcyon --platform production --device " + MISSING_BDF + " --device \"$edu\""
                + " run hal:info 2>&1 >/dev/null | grep 'production platform' | sed 's/^/HITL-GUEST refused /'\n"
                + "echo \"HITL-GUEST exit " + REFUSALS + " ${edu:-no-edu}\"\n";
    }

    private static String run(String name, String deviceOptions, String javaOptions, String commands) {
        return "echo 'HITL-GUEST run " + name + "'\n"
                + "HALCYON_JAVA_OPTS='" + javaOptions + "' launcher/halcyon --platform production " + deviceOptions + "run '"
                + commands + "'\n"
                + "echo \"HITL-GUEST exit " + name + " $?\"\n"
                + "grep -a -E '" + GuestOutput.JIT_METHODS + "' /tmp/halcyon-jit.log | sed 's/^/JIT /'\n";
    }
}
