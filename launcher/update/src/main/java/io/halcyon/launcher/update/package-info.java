/**
 * The update manager of a running host, for management tools (shell commands, soak and benchmark
 * commands, tests). Consumers of the HAL never need it: they hold stable block services and see
 * an update only as a short pause.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (this bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.launcher.update;
