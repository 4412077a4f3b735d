package io.halcyon.hal.api.register;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.WriteEffect;

/**
 * A field of a generated register map: a plain value, so generated code carries no logic of its own.
 * The last four components carry the description's test metadata (see {@link FieldInfo}).
 */
@ProviderType
public record FieldDescription(String name, int lsb, int msb, Access software, Access hardware, ReadEffect onRead,
        WriteEffect onWrite, OptionalLong reset, boolean singlePulse, String description, boolean dontTest,
        boolean dontCompare, boolean hardwareUpdated, boolean writeEnabledByHardware) implements FieldInfo {

    /**
     * The 1.0 shape, kept so that register maps generated before the test metadata existed still link:
     * no donttest/dontcompare, volatile when hardware-writable, no hardware write enable.
     */
    public FieldDescription(String name, int lsb, int msb, Access software, Access hardware, ReadEffect onRead,
            WriteEffect onWrite, OptionalLong reset, boolean singlePulse, String description) {
        this(name, lsb, msb, software, hardware, onRead, onWrite, reset, singlePulse, description, false, false,
                hardware.writable(), false);
    }
}
