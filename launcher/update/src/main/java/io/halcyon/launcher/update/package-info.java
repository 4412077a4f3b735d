/**
 * The update manager of a running host, for management tools (shell commands, soak and benchmark
 * commands, tests), and the service provider interface of the health gate it asks before a new block
 * version serves ({@link io.halcyon.launcher.update.UpdateGate}). Consumers of the HAL never need it:
 * they hold stable block services and see an update only as a short pause.
 *
 * <p>1.1: update records carry their phases, the gate's counts and whether the operator waived the
 * gate ({@link io.halcyon.launcher.update.GatePolicy}); the gate is a service of its own bundle. The 1.0
 * record constructor remains.
 *
 * <p>Import ranges: consumers {@code [1.1,2.0)}, providers (this bundle) {@code [1.1,1.2)}; gates
 * implement a {@code @ConsumerType} interface and import {@code [1.1,2.0)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.launcher.update;
