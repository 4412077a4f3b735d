package io.halcyon.hal.api.register;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** A register of a generated register map: a plain value, so generated code carries no logic of its own. */
@ProviderType
public record RegisterDescription(String name, long offset, int width, long resetValue, String description,
        List<FieldInfo> fields, boolean external, Optional<String> aliasOf) implements RegisterInfo {

    public RegisterDescription {
        fields = List.copyOf(fields);
    }

    /** The 1.0 shape, kept so that register maps generated before 1.1 still link: not external, no alias. */
    public RegisterDescription(String name, long offset, int width, long resetValue, String description,
            List<FieldInfo> fields) {
        this(name, offset, width, resetValue, description, fields, false, Optional.empty());
    }
}
