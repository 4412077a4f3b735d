package io.halcyon.consumers.butr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;

/**
 * Derives the checks from the register maps. Every exclusion comes from the description (a field the
 * hardware updates, a read with side effects where a plain read is needed, donttest, dontcompare, an
 * external register, a hardware write enable) or from the mode, and is reported as a skipped check
 * with that reason: nothing is left out silently, and there is no hand-kept list. Non-destructive mode
 * plans every suite requested as full mode would and reports each check that would change the chip
 * (bit bash, side effects, aliasing, memory walks, read-only fields written) as skipped with
 * {@link #NON_DESTRUCTIVE}, so a report says what such a run did not check.
 */
final class Planner {

    static final String NON_DESTRUCTIVE = "non-destructive mode: the check would write a register or read one whose read has side effects";

    private final TestMode mode;
    private final Set<Suite> suites;
    private final RegisterAccess access;
    private final List<Check> checks = new ArrayList<>();
    private final List<CheckResult> excluded = new ArrayList<>();
    private BlockUnderTest block;

    Planner(TestMode mode, Set<Suite> suites, RegisterAccess access) {
        this.mode = mode;
        this.suites = suites;
        this.access = access;
    }

    /** Plans one block, or one register (or memory) of it when {@code only} names one. */
    Planner add(BlockUnderTest block, Optional<String> only) {
        this.block = block;
        List<RegisterLayout> testable = new ArrayList<>();
        for (RegisterInfo r : block.registers()) {
            RegisterLayout layout = new RegisterLayout(block.name(), block.base(), r);
            String why = whyUntestable(r);
            if (why == null) {
                testable.add(layout);
            }
            if (only.isPresent() && !only.get().equalsIgnoreCase(r.name())) {
                continue;
            }
            if (why != null) {
                for (Suite s : suites) {
                    if (s != Suite.MEMORY_WALK) {
                        excluded.add(skip(s, layout, "", why));
                    }
                }
                continue;
            }
            planRegister(layout);
        }
        if (wants(Suite.ALIASING)) {
            for (RegisterLayout written : testable) {
                if (only.isEmpty() || only.get().equalsIgnoreCase(written.register.name())) {
                    planAliasing(written, testable);
                }
            }
        }
        if (wants(Suite.MEMORY_WALK)) {
            for (MemoryInfo m : block.memories()) {
                if (only.isEmpty() || only.get().equalsIgnoreCase(m.name())) {
                    planMemory(block, m);
                }
            }
        }
        return this;
    }

    Plan plan() {
        return new Plan(List.copyOf(checks), List.copyOf(excluded));
    }

    private boolean wants(Suite s) {
        return suites.contains(s);
    }

    /** Runs {@code check}, or in non-destructive mode reports it skipped when it would change the chip. */
    private void plan(Check check) {
        if (mode == TestMode.NON_DESTRUCTIVE && check.disturbs()) {
            excluded.add(check.skipped(NON_DESTRUCTIVE));
        } else {
            checks.add(check);
        }
    }

    private String whyUntestable(RegisterInfo r) {
        if (r.external()) {
            return "external register: implemented outside the block, the description does not say how it behaves";
        }
        if (r.width() > 64 || !access.supportsWidth(r.width())) {
            return r.width() + "-bit register: the bus reaches it only in parts";
        }
        return null;
    }

    private void planRegister(RegisterLayout layout) {
        RegisterInfo r = layout.register;
        boolean plainRead = !r.readHasSideEffects();
        for (FieldInfo f : r.fields()) {
            if (wants(Suite.RESET)) {
                planReset(layout, f, plainRead);
            }
            if (wants(Suite.BIT_BASH)) {
                planBitBash(layout, f, plainRead);
            }
            if (wants(Suite.ACCESS)) {
                planFieldAccess(layout, f, plainRead);
            }
            if (wants(Suite.SIDE_EFFECTS)) {
                for (SideEffectCheck.Effect e : SideEffectCheck.Effect.values()) {
                    if (SideEffectCheck.Effect.applies(e, f)) {
                        planSideEffect(layout, f, e, plainRead);
                    }
                }
                if (f.onWrite() == WriteEffect.WUSER) {
                    excluded.add(skip(Suite.SIDE_EFFECTS, layout, f.name(), "user-defined write effect (wuser)"));
                }
            }
        }
        if (wants(Suite.ACCESS) && layout.reserved != 0) {
            if (!plainRead) {
                excluded.add(skip(Suite.ACCESS, layout, "", "reading the register has side effects"));
            } else {
                plan(new ReservedBitsCheck(layout, mode == TestMode.FULL));
            }
        }
    }

    private void planReset(RegisterLayout layout, FieldInfo f, boolean plainRead) {
        if (!f.software().readable() || f.reset().isEmpty()) {
            return;
        }
        String why = f.dontTest() ? "donttest"
                : !plainRead ? "reading the register has side effects"
                : f.hardwareUpdated() ? "hardware updates the field"
                : f.dontCompare() ? "dontcompare"
                : mode == TestMode.NON_DESTRUCTIVE && f.software().writable()
                        ? "software may have written it since reset (non-destructive mode checks constants only)"
                : null;
        add(why, Suite.RESET, layout, f, () -> new ResetCheck(layout, f));
    }

    private void planBitBash(RegisterLayout layout, FieldInfo f, boolean plainRead) {
        if (!f.software().writable() || !f.software().readable() || f.onWrite() != WriteEffect.NONE || f.singlePulse()) {
            return;
        }
        String why = f.dontTest() ? "donttest"
                : !plainRead ? "reading the register has side effects"
                : f.hardwareUpdated() ? "hardware updates the field"
                : f.dontCompare() ? "dontcompare"
                : f.writeEnabledByHardware() ? "software writes land only while hardware enables them (swwe/swwel)"
                : f.software() != Access.RW ? "write-once field (" + f.software().rdlName() + ")"
                : null;
        if (why != null) {
            excluded.add(skip(Suite.BIT_BASH, layout, f.name(), why));
            return;
        }
        for (int bit = f.lsb(); bit <= f.msb(); bit++) {
            plan(new BitBashCheck(layout, f, bit));
        }
    }

    private void planFieldAccess(RegisterLayout layout, FieldInfo f, boolean plainRead) {
        boolean readable = f.software().readable();
        boolean writable = f.software().writable();
        if (readable && !writable) {
            String why = f.dontTest() ? "donttest"
                    : !plainRead ? "reading the register has side effects"
                    : f.hardwareUpdated() ? "hardware updates the field"
                    : f.dontCompare() ? "dontcompare"
                    : null;
            add(why, Suite.ACCESS, layout, f, () -> new ReadOnlyCheck(layout, f));
        } else if (writable && !readable) {
            RegisterInfo reader = readableAtSameAddress(layout.register, f);
            String why = f.dontTest() ? "donttest"
                    : !plainRead ? "reading the register has side effects"
                    : reader != null ? "reads at its address return " + reader.name() + " (a read-only/write-only pair)"
                    : null;
            add(why, Suite.ACCESS, layout, f, () -> new WriteOnlyCheck(layout, f, mode == TestMode.FULL));
        }
    }

    /** Another register at the same offset whose readable fields cover some of {@code f}'s bits, or null. */
    private RegisterInfo readableAtSameAddress(RegisterInfo r, FieldInfo f) {
        for (RegisterInfo other : block.registers()) {
            if (other != r && other.offset() == r.offset()
                    && other.fields().stream().anyMatch(o -> o.software().readable() && (o.mask() & f.mask()) != 0)) {
                return other;
            }
        }
        return null;
    }

    private void planSideEffect(RegisterLayout layout, FieldInfo f, SideEffectCheck.Effect e, boolean plainRead) {
        String why = f.dontTest() ? "donttest"
                : !f.software().readable() ? "write-only field: its side effect cannot be read back"
                : f.dontCompare() ? "dontcompare"
                : f.writeEnabledByHardware() ? "software writes land only while hardware enables them (swwe/swwel)"
                : e != SideEffectCheck.Effect.READ && !plainRead ? "reading the register has side effects"
                : null;
        add(why, Suite.SIDE_EFFECTS, layout, f, () -> new SideEffectCheck(layout, f, e));
    }

    private void planAliasing(RegisterLayout written, List<RegisterLayout> block) {
        RegisterInfo r = written.register;
        long flippable = 0;
        for (FieldInfo f : r.fields()) {
            if (RegisterLayout.bashable(f)) {
                flippable |= f.mask();
            }
        }
        if (flippable == 0 || r.readHasSideEffects()) {
            return;
        }
        List<RegisterLayout> observed = new ArrayList<>();
        for (RegisterLayout other : block) {
            if (other != written && other.stable != 0 && !other.register.readHasSideEffects()
                    && !sameStorage(r, other.register)) {
                observed.add(other);
            }
        }
        plan(new AliasingCheck(written, flippable, observed));
    }

    /** Declared aliases share storage, so a write through one is meant to show through the other. */
    private static boolean sameStorage(RegisterInfo a, RegisterInfo b) {
        String primaryA = a.aliasOf().orElse(a.name());
        String primaryB = b.aliasOf().orElse(b.name());
        return primaryA.equalsIgnoreCase(primaryB);
    }

    private void planMemory(BlockUnderTest block, MemoryInfo m) {
        String why = m.external() ? "external memory: implemented outside the block"
                : m.software() != Access.RW ? "not software read-write (sw=" + m.software().rdlName() + ")"
                : !access.supportsWidth(m.width()) ? m.width() + "-bit entries: the bus reaches them only in parts"
                : null;
        if (why != null) {
            excluded.add(new CheckResult(Suite.MEMORY_WALK, block.name(), m.name(), "", -1, block.base() + m.offset(), 0, 0,
                    Outcome.SKIPPED, why));
        } else {
            plan(new MemoryWalkCheck(block.name(), block.base(), m));
        }
    }

    private void add(String why, Suite suite, RegisterLayout layout, FieldInfo f, java.util.function.Supplier<Check> check) {
        if (why != null) {
            excluded.add(skip(suite, layout, f.name(), why));
        } else {
            plan(check.get());
        }
    }

    private static CheckResult skip(Suite suite, RegisterLayout layout, String field, String why) {
        return new CheckResult(suite, layout.block, layout.register.name(), field, -1, layout.address, 0, 0, Outcome.SKIPPED, why);
    }
}
