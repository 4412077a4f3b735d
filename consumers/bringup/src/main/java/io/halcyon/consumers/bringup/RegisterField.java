package io.halcyon.consumers.bringup;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * Reads one field through a block's published register map, for state a block contract does not
 * report (the DMA engine's global enable). Refuses registers whose read has side effects, so a
 * readiness check through it can never disturb the chip.
 */
final class RegisterField {

    private final RegisterBus bus;
    private final long address;
    private final int width;
    private final FieldInfo field;

    RegisterField(HardwareBlock block, RegisterBus bus, String registerName, String fieldName) {
        String where = block.name() + "." + registerName;
        RegisterInfo register = block.register(registerName)
                .orElseThrow(() -> new IllegalStateException("register map of " + block.name() + " has no " + registerName));
        if (register.readHasSideEffects()) {
            throw new IllegalStateException(where + " changes when read; bring-up must not read it");
        }
        this.field = register.field(fieldName)
                .orElseThrow(() -> new IllegalStateException("register map: " + where + " has no field " + fieldName));
        this.bus = bus;
        this.address = block.baseAddress() + register.offset();
        this.width = register.width();
    }

    long read() {
        long raw = width == 64 ? bus.read64(address) : Integer.toUnsignedLong(bus.read32(address));
        return field.extract(raw);
    }
}
