package io.halcyon.hal.api.register;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** A register of a generated register map: a plain value, so generated code carries no logic of its own. */
@ProviderType
public record RegisterDescription(String name, long offset, int width, long resetValue, String description,
        List<FieldInfo> fields) implements RegisterInfo {

    public RegisterDescription {
        fields = List.copyOf(fields);
    }
}
