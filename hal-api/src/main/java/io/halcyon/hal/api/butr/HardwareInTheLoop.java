package io.halcyon.hal.api.butr;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One test definition, every platform: dispatches a {@link TestRequest} to each platform the host is
 * configured for (emulation, verification, production), each within its own budget of device time
 * and wall time. A platform the host is not attached to, or a check the budget left no time for, is
 * reported as skipped, never as passed.
 */
@ProviderType
public interface HardwareInTheLoop {

    /** The platforms configured, in the order results are reported ({@code emulation}, ...). */
    List<String> platforms();

    /**
     * The configured platforms this host reaches now, in {@link #platforms()} order: the others' reports
     * from {@link #run} have every check skipped.
     *
     * @since 1.1
     */
    List<String> attached();

    /**
     * Runs the request on every configured platform; the request's chip is ignored (each platform
     * brings its own chip instance). One report per configured platform, in {@link #platforms()} order.
     */
    List<TestReport> run(TestRequest request, ProgressListener listener);
}
