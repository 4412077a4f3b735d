package io.halcyon.launcher.qemu;

import java.util.ArrayList;
import java.util.List;


/**
 * Whether the access path ran as each run says, from the JVMs' PrintCompilation lines: in the interpreted
 * run no method of the production platform was compiled (its native methods' wrappers aside, which are
 * not Java code); in the compiled run the bus's read32 and write32 were compiled by C2 (tier 4) before
 * the compiled phases began.
 */
final class JitEvidence {

    static final List<String> ACCESS_PATH = List.of("io.halcyon.platform.production.ProductionBus::read32",
            "io.halcyon.platform.production.ProductionBus::write32");

    private JitEvidence() {
    }

    static List<HitlReport.Check> checks(GuestOutput guest) {
        List<HitlReport.Check> checks = new ArrayList<>();
        List<GuestOutput.Compilation> interpreted = guest.compilations().stream()
                .filter(c -> c.run().equals(GuestScript.INTERPRETED) && !c.nativeWrapper()).toList();
        checks.add(new HitlReport.Check("interpreted run: no production-platform method compiled", interpreted.isEmpty(),
                interpreted.isEmpty() ? "" : interpreted.get(0).method()));
        long compiledStart = guest.records("uptimeMs").stream()
                .filter(r -> r.get("run").equals(GuestScript.COMPILED)).mapToLong(r -> Long.parseLong(r.get("uptimeMs")))
                .reduce((a, b) -> b).orElse(-1); // the last accesses run of that JVM is the compiled one
        for (String method : ACCESS_PATH) {
            long at = guest.compilations().stream()
                    .filter(c -> c.run().equals(GuestScript.COMPILED) && c.tier() == 4 && c.method().equals(method))
                    .mapToLong(GuestOutput.Compilation::uptimeMs).min().orElse(Long.MAX_VALUE);
            checks.add(new HitlReport.Check("compiled run: " + method + " compiled by C2 before the compiled phases",
                    compiledStart >= 0 && at < compiledStart, at == Long.MAX_VALUE ? "never compiled at tier 4"
                            : "at " + at + " ms, phases from " + compiledStart + " ms"));
        }
        return checks;
    }

}
