package io.halcyon.hal.api.butr;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What to test.
 *
 * @param chip the chip instance ({@code halcyon.chip})
 * @param block one block by name, or empty for every block of the chip
 * @param register one register of that block by name, or empty for all of them
 * @param mode full or non-destructive
 * @param seed the order of the checks is shuffled with this seed; the same seed gives the same order
 * @param suites which suites to run
 */
@ProviderType
public record TestRequest(int chip, Optional<String> block, Optional<String> register, TestMode mode, long seed,
        Set<Suite> suites) {

    public TestRequest {
        if (register.isPresent() && block.isEmpty()) {
            throw new IllegalArgumentException("a register is named only within a block");
        }
        suites = Set.copyOf(suites);
    }

    /** Every suite on every block of the chip, full mode, seed 0. */
    public static TestRequest wholeChip(int chip) {
        return new TestRequest(chip, Optional.empty(), Optional.empty(), TestMode.FULL, 0, EnumSet.allOf(Suite.class));
    }

    public TestRequest onBlock(String name) {
        return new TestRequest(chip, Optional.of(name), Optional.empty(), mode, seed, suites);
    }

    public TestRequest onRegister(String blockName, String registerName) {
        return new TestRequest(chip, Optional.of(blockName), Optional.of(registerName), mode, seed, suites);
    }

    public TestRequest withMode(TestMode newMode) {
        return new TestRequest(chip, block, register, newMode, seed, suites);
    }

    public TestRequest withSeed(long newSeed) {
        return new TestRequest(chip, block, register, mode, newSeed, suites);
    }

    public TestRequest withSuites(Set<Suite> newSuites) {
        return new TestRequest(chip, block, register, mode, seed, newSuites);
    }
}
