package io.halcyon.launcher.gate;

import java.util.ArrayList;
import java.util.List;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * The gate's own non-destructive register check, used when no register-test engine is installed:
 * every field that neither software nor hardware can change (identification, versions, sizes) must
 * read the reset value the new version's description gives it. Registers whose read has a side
 * effect, external registers and aliases are never read; nothing is written.
 */
final class ConstantRegisters {

    static final String ENGINE = "constant registers";

    private record Check(RegisterInfo register, long address, long mask, long expected) {}

    private ConstantRegisters() {}

    /**
     * @return how many registers were read
     * @throws GateFailure naming the first register whose constant bits differ
     */
    static int verify(HardwareBlock block, RegisterBus bus) throws GateFailure {
        List<Check> checks = new ArrayList<>();
        for (RegisterInfo r : block.registers()) {
            if (r.external() || r.aliasOf().isPresent() || r.readHasSideEffects()) {
                continue;
            }
            long mask = 0;
            long expected = 0;
            for (FieldInfo f : r.fields()) {
                if (isConstant(f)) {
                    mask |= f.mask();
                    expected |= (f.reset().getAsLong() << f.lsb()) & f.mask();
                }
            }
            if (mask != 0) {
                checks.add(new Check(r, block.baseAddress() + r.offset(), mask, expected));
            }
        }
        for (Check c : checks) {
            long value = c.register().width() == 64 ? bus.read64(c.address()) : Integer.toUnsignedLong(bus.read32(c.address()));
            if ((value & c.mask()) != c.expected()) {
                throw new GateFailure(String.format("health gate: %s.%s at 0x%08x reads 0x%x in constant bits 0x%x, "
                        + "the new version's description says 0x%x", block.name(), c.register().name(), c.address(),
                        value & c.mask(), c.mask(), c.expected()));
            }
        }
        return checks.size();
    }

    private static boolean isConstant(FieldInfo f) {
        return f.software().readable() && !f.software().writable() && !f.hardwareUpdated() && f.reset().isPresent()
                && !f.dontCompare() && !f.dontTest();
    }
}
