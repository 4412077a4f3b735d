package io.halcyon.hal.api.butr;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The result of one check.
 *
 * @param suite the suite the check belongs to
 * @param block block name, e.g. {@code sysctrl}
 * @param register register name, e.g. {@code SCRATCH}; for a memory walk, the memory's name
 * @param field field name, or empty for a check of the whole register (reserved bits, aliasing)
 * @param bit the bit (within the register, or within the entry for memories) the check is about, or
 *        for a failed check of several bits the lowest bit that differs; -1 when no single bit applies
 * @param address absolute address the check accessed
 * @param expected the expected value of the checked bits (in place within the register)
 * @param actual the value read (in place), or the expected value when the check did not read
 * @param outcome passed, failed or skipped
 * @param reason why it failed or was skipped, in one line; empty when it passed
 */
@ProviderType
public record CheckResult(Suite suite, String block, String register, String field, int bit, long address,
        long expected, long actual, Outcome outcome, String reason) {

    /** {@code block.REGISTER.FIELD[bit]}, as much of it as applies. */
    public String location() {
        StringBuilder s = new StringBuilder(block).append('.').append(register);
        if (!field.isEmpty()) {
            s.append('.').append(field);
        }
        if (bit >= 0) {
            s.append('[').append(bit).append(']');
        }
        return s.toString();
    }

    /** One line: location, suite, outcome and, unless passed, expected/actual or the reason. */
    public String message() {
        String head = location() + " " + suite.name().toLowerCase().replace('_', '-') + " " + outcome.name().toLowerCase();
        return outcome == Outcome.PASSED ? head : head + ": " + reason;
    }
}
