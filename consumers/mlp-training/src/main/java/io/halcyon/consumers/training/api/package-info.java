/**
 * The MLP training workload as a service: what it trains, how it reports progress, and what a run
 * gives back. Exported by the workload bundle itself (a workload is not part of the HAL contracts);
 * the shell's main job and the integration tests use it. A {@code TrainingListener} registered as a service
 * with {@code halcyon.chip=N} is told the progress of every run on chip N, whoever started it (the web
 * console's loss chart). {@code DataParallelTraining} (since 1.1) trains on several chips at once.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the workload bundle) {@code [1.1,1.2)}; consumers of {@code DataParallelTraining} {@code [1.1,2.0)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.consumers.training.api;
