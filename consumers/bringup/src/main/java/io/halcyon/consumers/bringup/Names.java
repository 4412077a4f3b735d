package io.halcyon.consumers.bringup;

import java.util.Collection;
import java.util.stream.Collectors;

/** Sets of enum constants as the timeline shows them: lower case, comma separated, "none" when empty. */
final class Names {

    private Names() {}

    static String of(Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? "none"
                : values.stream().map(v -> v.name().toLowerCase()).collect(Collectors.joining(","));
    }
}
