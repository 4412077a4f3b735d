package io.halcyon.hal.api.register;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.WriteEffect;

/** A field of a generated register map: a plain value, so generated code carries no logic of its own. */
@ProviderType
public record FieldDescription(String name, int lsb, int msb, Access software, Access hardware, ReadEffect onRead,
        WriteEffect onWrite, OptionalLong reset, boolean singlePulse, String description) implements FieldInfo {
}
