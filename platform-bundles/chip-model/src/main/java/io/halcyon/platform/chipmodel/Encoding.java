package io.halcyon.platform.chipmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field's {@code encode} enumeration: the values it may hold, named, with what each means.
 *
 * @param name the enumeration's name in the description ({@code dma_error_e})
 * @param members in declaration order
 */
public record Encoding(String name, List<Member> members) {

    public Encoding {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    /**
     * One value.
     *
     * @param name the enumerator ({@code HBM_NOT_READY})
     * @param value its value
     * @param description its {@code desc} (else its {@code name} property, else the enumerator)
     */
    public record Member(String name, long value, String description) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /** The member with this value, if the enumeration has one. */
    public Optional<Member> member(long value) {
        return members.stream().filter(m -> m.value() == value).findFirst();
    }

    /** The member called {@code name}, which the caller's design relies on. */
    public Member requireMember(String memberName) {
        return members.stream().filter(m -> m.name().equals(memberName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("enumeration " + name + " has no member " + memberName));
    }
}
