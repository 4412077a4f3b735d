package io.halcyon.hal.api.register;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.MemoryInfo;

/** A memory of a generated register map: a plain value, so generated code carries no logic of its own. */
@ProviderType
public record MemoryDescription(String name, long offset, long entries, int width, Access software, boolean external,
        String description) implements MemoryInfo {
}
