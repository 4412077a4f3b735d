package io.halcyon.rdl.compiler.model;

import java.util.List;

/** An enumeration used by a field's {@code encode} property. */
public record EnumType(String name, List<Member> members) {

    /** One enumerator; displayName is its {@code name} property (null if not given). */
    public record Member(String name, long value, String displayName, String desc) { }

    public Member byValue(long value) {
        return members.stream().filter(m -> m.value() == value).findFirst().orElse(null);
    }
}
