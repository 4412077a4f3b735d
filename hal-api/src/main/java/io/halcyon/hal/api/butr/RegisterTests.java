package io.halcyon.hal.api.butr;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * Runs the built-in register tests on one chip through its register bus. The checks are derived from
 * the chip's {@link io.halcyon.hal.api.regmap.HardwareBlock} services; what a check leaves out it
 * leaves out because the description says so (hardware-updated fields, reads with side effects,
 * {@code donttest}, {@code dontcompare}, external registers), and it reports that as skipped.
 */
@ProviderType
public interface RegisterTests {

    /**
     * Runs the request and returns every check's result. Bus errors are results (failed checks), not
     * exceptions.
     *
     * @throws IllegalArgumentException when the chip, block or register named does not exist
     */
    TestReport run(TestRequest request, ProgressListener listener);

    /**
     * Runs the request over the register descriptions given instead of those the chip's services
     * publish: how a health gate tests a new version of a block, staged beside the running one,
     * against that version's own description while both are registered. The request's chip names the
     * bus; its block and register select among {@code descriptions}.
     *
     * @param descriptions the blocks to plan from (for one block: its new version's description)
     * @throws IllegalArgumentException when the chip has no bus, or the block or register named is not
     *     among {@code descriptions}
     * @since 1.1
     */
    TestReport run(TestRequest request, List<HardwareBlock> descriptions, ProgressListener listener);

    /**
     * Writes reports as JUnit XML: one {@code testsuite} per report and suite, one {@code testcase} per
     * check (named by its location), with {@code failure} and {@code skipped} elements as CI servers read them.
     */
    void writeJUnitXml(List<TestReport> reports, Writer out) throws IOException;
}
