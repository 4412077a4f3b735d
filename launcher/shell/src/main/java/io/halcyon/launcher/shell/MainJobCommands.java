package io.halcyon.launcher.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.consumers.training.api.DataParallelTraining;
import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.ParallelTrainingResult;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.platform.PlatformInfo;

/**
 * The main job ({@code hal:mainjob}): bring every chip of the host up at once, train the MLP workload
 * data-parallel on the chips that came up with progress on the console, draw the loss curve and the
 * bring-up timelines, print a summary (or only the summary as JSON). A chip whose bring-up fails is
 * reported failed, with the step and the register, and the others are used; when none comes up, the
 * job fails with the first chip's reason. {@code hal:train} runs the training part alone, on chip 0.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=mainjob", "osgi.command.function=train"})
public class MainJobCommands {

    static final String LOSS_CURVE = "loss-curve.svg";
    static final String TIMELINE = "bringup-timeline.svg";
    /** How long the job waits for a published chip's bring-up service (its drivers being made), framework property. */
    static final String CHIP_WAIT = "halcyon.chips.ms";

    private final PerChip<BringUp> bringUps = new PerChip<>();
    private final PerChip<Object> platforms = new PerChip<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile MlpTraining training;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataParallelTraining parallel;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBringUp(BringUp b, Map<String, Object> properties) {
        bringUps.add(b, properties);
    }

    void removeBringUp(BringUp b, Map<String, Object> properties) {
        bringUps.remove(b, properties);
    }

    /** Every chip's platform services' properties: which chip map the platform matched and the chip's generation. */
    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlatform(PlatformInfo p, Map<String, Object> properties) {
        platforms.add(p, properties);
    }

    void removePlatform(PlatformInfo p, Map<String, Object> properties) {
        platforms.remove(p, properties);
    }

    @Descriptor("main job: bring every chip up at once, train the MLP workload data-parallel on those that came up, write pictures, print a summary")
    public String mainjob(
            @Descriptor("print only the summary, as one JSON object")
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("directory for the pictures (created if missing; none: the host's run directory, launcher/run)")
            @Parameter(names = "--out", absentValue = "") String out,
            @Descriptor("progress display: bar (redrawn in place), lines or none")
            @Parameter(names = "--progress", absentValue = "lines") String progress,
            @Descriptor("what to train: standard (the MLP 8-16-1 on 256 samples) or large (16-64-1 on 2048 samples, where the split across chips matters)")
            @Parameter(names = "--plan", absentValue = "standard") String planName,
            @Descriptor("a chip that fails or vanishes during training leaves the run, which goes on on the others (else the run stops)")
            @Parameter(names = "--keep-going", presentValue = "true", absentValue = "false") boolean keepGoing)
            throws IOException, InterruptedException {
        PrintStream console = System.out;
        DataParallelTraining t = require(parallel, "data-parallel training");
        TrainingPlan plan = switch (planName) {
            case "standard" -> t.plan();
            case "large" -> TrainingPlan.large();
            default -> throw new IllegalArgumentException("--plan must be standard or large, was '" + planName + "'");
        };
        ProgressDisplay.Style style = json ? ProgressDisplay.Style.NONE : style(progress);

        List<ChipBringUps.Outcome> chips = ChipBringUps.all(platforms, bringUps,
                Long.getLong(CHIP_WAIT, 30_000));
        List<Integer> serving = chips.stream().filter(ChipBringUps.Outcome::serves).map(ChipBringUps.Outcome::chip).toList();
        if (!json) {
            for (ChipBringUps.Outcome c : chips) {
                console.print(c.report() == null ? "Bring-up of chip " + c.chip() + " (" + c.info() + ") FAILED: " + c.error() + "\n\n"
                        : "Bring-up of chip " + c.chip() + " (" + c.info() + ")\n" + BringUpView.table(c.report())
                                + BringUpView.totals(c.report()) + "\n");
            }
        }
        if (serving.isEmpty()) {
            throw chips.isEmpty() ? new IllegalStateException("no chip on this host (no platform published one; see hal:chips)")
                    : chips.get(0).failure();
        }
        if (!json) {
            console.println("Training " + describe(plan) + ", data-parallel on " + chipList(serving));
            console.flush();
        }
        ParallelTrainingResult parallelResult = t.train(plan, serving, new ProgressDisplay(console, style), keepGoing);
        TrainingResult result = parallelResult.result();
        // The script names the host's run directory; a bare JVM falls back to ./run.
        Path dir = Path.of(out.isEmpty() ? System.getProperty("halcyon.run", "run") : out);
        List<Path> pictures = writePictures(dir, chips, parallelResult);
        if (!result.targetReached()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training missed its target: final loss %s, target %s",
                    Units.value(result.finalLoss()), Units.value(result.targetLoss())));
        }
        return json ? Json.write(summary(chips, parallelResult, pictures)) + "\n" : "\n" + summaryText(chips, parallelResult, pictures);
    }

    @Descriptor("train the MLP workload on one chip (brought up) and show the loss as it goes")
    public String train(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("weight updates (0: as many as the standard plan)")
            @Parameter(names = "--steps", absentValue = "0") int steps,
            @Descriptor("progress display: bar, lines or none")
            @Parameter(names = "--progress", absentValue = "lines") String progress) {
        // Chip 0 has a workload of its own (whose runs the web console watches); another chip trains through
        // the data-parallel workload on that chip alone, which runs the same commands (the same weights).
        MlpTraining t = chip == 0 ? training : null;
        DataParallelTraining p = t == null ? require(parallel, "data-parallel training") : null;
        TrainingPlan standard = t != null ? t.plan() : p.plan();
        TrainingPlan plan = steps > 0 ? standard.withSteps(steps) : standard;
        if (p != null) {
            PerChip.requireChip(chip, platforms.chips());
        }
        System.out.println("Training " + describe(plan) + (chip == 0 ? "" : " on chip " + chip));
        ProgressDisplay display = new ProgressDisplay(System.out, style(progress));
        TrainingResult r = t != null ? t.train(plan, display) : p.train(plan, List.of(chip), display).result();
        return trainingLines(r);
    }

    /** The loss curve, the first serving chip's timeline, and with several chips each chip's timeline. */
    private static List<Path> writePictures(Path dir, List<ChipBringUps.Outcome> chips, ParallelTrainingResult run) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        List<Path> pictures = new ArrayList<>();
        Path curve = absolute.resolve(LOSS_CURVE);
        List<Integer> trained = run.chips().stream().map(ParallelTrainingResult.ChipShare::chip).toList();
        Files.writeString(curve, LossCurvePicture.svg(run.result(), chips.size() == 1 ? "" : ", data-parallel on " + chipList(trained)),
                StandardCharsets.UTF_8);
        pictures.add(curve);
        ChipBringUps.Outcome first = chips.stream().filter(ChipBringUps.Outcome::serves).findFirst().orElseThrow();
        Path timeline = absolute.resolve(TIMELINE);
        Files.writeString(timeline, TimelinePicture.svg(first.report()), StandardCharsets.UTF_8);
        pictures.add(timeline);
        if (chips.size() > 1) {
            for (ChipBringUps.Outcome c : chips) {
                if (c.serves()) {
                    Path own = absolute.resolve("bringup-timeline-chip" + c.chip() + ".svg");
                    Files.writeString(own, TimelinePicture.svg(c.report()), StandardCharsets.UTF_8);
                    pictures.add(own);
                }
            }
        }
        return pictures;
    }

    static String chipList(List<Integer> chips) {
        return (chips.size() == 1 ? "chip " : chips.size() + " chips ") + String.join(", ", chips.stream().map(String::valueOf).toList());
    }

    /**
     * What the main job ran on, from the platform's service properties (the chip map it matched the chip's
     * identity to, and the generation that identity reads).
     */
    record Chip(String chipMap, long generation) {
        static Chip of(Map<String, Object> platformProperties) {
            Map<String, Object> p = platformProperties == null ? Map.of() : platformProperties;
            Object generation = p.get(ChipProperties.GENERATION);
            return new Chip(String.valueOf(p.getOrDefault(ChipProperties.CHIP_MAP, "unknown")),
                    generation instanceof Number n ? n.longValue() : 0);
        }

        @Override
        public String toString() {
            return chipMap + ", generation " + generation;
        }
    }

    static Map<String, Object> summary(List<ChipBringUps.Outcome> chips, ParallelTrainingResult run, List<Path> pictures) {
        TrainingResult r = run.result();
        ChipBringUps.Outcome first = chips.stream().filter(ChipBringUps.Outcome::serves).findFirst().orElseThrow();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", r.steps());
        training.put("initialLoss", r.initialLoss());
        training.put("finalLoss", r.finalLoss());
        training.put("targetLoss", r.targetLoss());
        training.put("weightsChecksum", r.weightsChecksum());
        training.put("wallMs", r.wallMillis());
        training.put("stepsPerSecond", r.stepsPerSecond());
        training.put("chips", run.chips().size());
        training.put("allReduceMs", run.allReduceMillis());
        training.put("allReduceBytes", run.allReduceBytes());
        training.put("deviceCycles", run.deviceCycles());
        List<Object> perChip = new ArrayList<>();
        for (ParallelTrainingResult.ChipShare share : run.chips()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("chip", share.chip());
            c.put("samples", share.samples());
            c.put("steps", share.steps());
            c.put("dmaBytes", share.dmaBytes());
            c.put("engineCycles", share.engineCycles());
            perChip.add(c);
        }
        training.put("perChip", perChip);
        if (!run.lostChips().isEmpty()) {
            training.put("lostChips", run.lostChips());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        // "chip" and "bringup": the first serving chip, as before there were several.
        Map<String, Object> ranOn = new LinkedHashMap<>();
        ranOn.put("chipMap", first.info().chipMap());
        ranOn.put("generation", first.info().generation());
        summary.put("chip", ranOn);
        summary.put("bringup", steps(first.report()));
        List<Object> all = new ArrayList<>();
        for (ChipBringUps.Outcome c : chips) {
            Map<String, Object> chip = new LinkedHashMap<>();
            chip.put("chip", c.chip());
            chip.put("chipMap", c.info().chipMap());
            chip.put("generation", c.info().generation());
            boolean lost = run.chips().stream().anyMatch(share -> share.chip() == c.chip() && share.weightsChecksum() == null);
            chip.put("state", lost ? "lost" : c.serves() ? "serving" : "failed");
            chip.put("bringup", c.serves() ? steps(c.report()) : List.of());
            if (!c.serves()) {
                chip.put("failedStep", c.failedStep());
                chip.put("error", c.error());
            }
            all.add(chip);
        }
        summary.put("chips", all);
        summary.put("training", training);
        summary.put("pictures", pictures.stream().map(Path::toString).toList());
        return summary;
    }

    private static List<Object> steps(BringUpReport report) {
        List<Object> steps = new ArrayList<>();
        for (BringUpStep s : report.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.name());
            step.put("deviceTime", s.deviceNanos());
            step.put("wallMs", s.wallMillis());
            step.put("alreadyDone", s.alreadyDone());
            steps.add(step);
        }
        return steps;
    }

    private static String summaryText(List<ChipBringUps.Outcome> chips, ParallelTrainingResult run, List<Path> pictures) {
        TrainingResult r = run.result();
        StringBuilder s = new StringBuilder("Summary\n");
        for (ChipBringUps.Outcome c : chips) {
            s.append(String.format("  chip %-4d %s: ", c.chip(), c.info()));
            if (c.serves()) {
                BringUpReport report = c.report();
                boolean lost = run.chips().stream().anyMatch(share -> share.chip() == c.chip() && share.weightsChecksum() == null);
                s.append(String.format("%s, bring-up %d steps, %s device time, %s wall%s%n", lost ? "LOST in training" : "serving",
                        report.steps().size(), Units.nanos(BringUpView.deviceNanos(report)), Units.millis(BringUpView.wallMillis(report)),
                        report.attachedToRunningChip() ? " (chip was already up)" : ""));
            } else {
                s.append("FAILED, ").append(c.error()).append('\n');
            }
        }
        s.append(trainingLines(r));
        for (String lost : run.lostChips()) {
            s.append("  lost      ").append(lost).append('\n');
        }
        if (run.chips().size() > 1) {
            List<ParallelTrainingResult.ChipShare> shares = run.chips();
            boolean even = shares.stream().allMatch(c -> c.steps() == r.steps());
            String steps = even ? r.steps() + " steps each" : String.join(", ", shares.stream()
                    .map(c -> "chip " + c.chip() + " " + c.steps() + " steps" + (c.weightsChecksum() == null ? " (lost)" : "")).toList());
            s.append(String.format(Locale.ROOT, "  parallel  %s, %s; all-reduce %s, %s by DMA%n",
                    chipList(shares.stream().map(ParallelTrainingResult.ChipShare::chip).toList()), steps,
                    Units.millis(run.allReduceMillis()), bytes(run.allReduceBytes())));
        }
        s.append("  pictures  ").append(pictures.get(0)).append('\n');
        for (Path p : pictures.subList(1, pictures.size())) {
            s.append("            ").append(p).append('\n');
        }
        return s.toString();
    }

    private static String bytes(long n) {
        return n < 10_000 ? n + " B" : n < 10_000_000 ? (n + 512) / 1024 + " KiB" : (n + (1 << 19)) / (1 << 20) + " MiB";
    }

    private static String trainingLines(TrainingResult r) {
        return String.format(Locale.ROOT, "  training  %d steps in %s (%.0f steps/s), %d tensor commands, %d engine cycles%n",
                r.steps(), Units.millis(r.wallMillis()), r.stepsPerSecond(), r.tensorCommands(), r.engineCycles())
                + String.format(Locale.ROOT, "  loss      %s -> %s, target < %s (%.0f %% of initial)%s%n",
                        Units.value(r.initialLoss()), Units.value(r.finalLoss()), Units.value(r.targetLoss()),
                        100 * r.plan().targetRatio(),
                        r.targetReached() ? ", below it from step " + r.firstStepBelowTarget() : ", NOT REACHED")
                + "  weights   sha-256 " + r.weightsChecksum() + "\n";
    }

    private static String describe(TrainingPlan p) {
        return String.format(Locale.ROOT, "MLP %d-%d-1 (ReLU, MSE) on %d synthetic samples (seed %d): %d steps at lr %s, target < %.0f %% of the initial loss",
                p.inputs(), p.hidden(), p.samples(), p.seed(), p.steps(), p.learningRate(), 100 * p.targetRatio());
    }

    private static ProgressDisplay.Style style(String name) {
        try {
            return ProgressDisplay.Style.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--progress must be bar, lines or none, was '" + name + "'");
        }
    }

    /** The service, or a one-line error naming it when it is missing. */
    static <T> T require(T service, String what) {
        if (service == null) {
            throw new IllegalStateException("no " + what + " service (its bundle or a block driver is not active; see hal:blocks)");
        }
        return service;
    }
}
