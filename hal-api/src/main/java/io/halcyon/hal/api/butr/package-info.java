/**
 * Built-in register tests (BUTR) and the hardware-in-the-loop (HITL) harness: register tests derived
 * from each block's SystemRDL description (as published by {@link io.halcyon.hal.api.regmap.HardwareBlock}),
 * run through a chip's {@link io.halcyon.hal.api.bus.RegisterBus} on whatever platform reaches it.
 *
 * <p>{@link io.halcyon.hal.api.butr.RegisterTests} runs the suites on a whole chip, one block or one
 * register, in {@link io.halcyon.hal.api.butr.TestMode#FULL full} mode (writes; a caller's decision on a
 * live chip) or {@link io.halcyon.hal.api.butr.TestMode#NON_DESTRUCTIVE non-destructive} mode (no
 * writes, no reads with side effects: what a health gate may run). Every check names block, register,
 * field and bit with the expected and the actual value. {@link io.halcyon.hal.api.butr.HardwareInTheLoop}
 * dispatches one request to every configured platform.
 *
 * <p>1.1: {@link io.halcyon.hal.api.butr.RegisterTests#run(io.halcyon.hal.api.butr.TestRequest, java.util.List,
 * io.halcyon.hal.api.butr.ProgressListener)} tests given descriptions (a health gate tests a staged block
 * version against its own description, not whichever of the two registered ones comes first), and
 * {@link io.halcyon.hal.api.butr.HardwareInTheLoop#attached()} says which configured platforms a run can
 * reach. Methods added to {@code @ProviderType} interfaces: a minor bump; providers move to {@code [1.1,1.2)}.
 *
 * <p>1.2: {@link io.halcyon.hal.api.butr.TestListener}, a whiteboard listener told the results of every run
 * whoever started it (the web console shows a {@code hal:butr} run from the shell). A new
 * {@code @ConsumerType} interface: a minor bump; providers move to {@code [1.2,1.3)}.
 *
 * <p>Import ranges: consumers {@code [1.2,2.0)}, providers {@code [1.2,1.3)}.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.butr;
