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

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.platform.PlatformInfo;

/**
 * The main job ({@code hal:mainjob}): bring chip 0 up, train the MLP workload on it with progress
 * on the console, draw the loss curve and the bring-up timeline, print a summary (or only the
 * summary as JSON). {@code hal:train} runs the training part alone.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=mainjob", "osgi.command.function=train"})
public class MainJobCommands {

    static final String LOSS_CURVE = "loss-curve.svg";
    static final String TIMELINE = "bringup-timeline.svg";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile BringUp bringUp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile MlpTraining training;

    /** Chip 0's platform services' properties: which chip map the platform matched and the chip's generation. */
    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(halcyon.chip=0)")
    private volatile Map<String, Object> chip0;

    @Descriptor("main job: bring chip 0 up, train the MLP workload with progress, write pictures, print a summary")
    public String mainjob(
            @Descriptor("print only the summary, as one JSON object")
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("directory for the pictures (created if missing; none: the host's run directory, launcher/run)")
            @Parameter(names = "--out", absentValue = "") String out,
            @Descriptor("progress display: bar (redrawn in place), lines or none")
            @Parameter(names = "--progress", absentValue = "lines") String progress) throws IOException {
        PrintStream console = System.out;
        BringUp b = require(bringUp, "bring-up");
        MlpTraining t = require(training, "training");
        ProgressDisplay.Style style = json ? ProgressDisplay.Style.NONE : style(progress);

        Chip chip = Chip.of(chip0);
        BringUpReport report = b.bringUp();
        if (!json) {
            console.print("Bring-up of chip 0 (" + chip + ")\n" + BringUpView.table(report) + BringUpView.totals(report) + "\n");
            console.println("Training " + describe(t.plan()));
            console.flush();
        }
        TrainingResult result = t.train(new ProgressDisplay(console, style));
        // The script names the host's run directory; a bare JVM falls back to ./run.
        Path dir = Path.of(out.isEmpty() ? System.getProperty("halcyon.run", "run") : out);
        List<Path> pictures = writePictures(dir, report, result);
        if (!result.targetReached()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training missed its target: final loss %s, target %s",
                    Units.value(result.finalLoss()), Units.value(result.targetLoss())));
        }
        return json ? Json.write(summary(chip, report, result, pictures)) + "\n" : "\n" + summaryText(chip, report, result, pictures);
    }

    @Descriptor("train the MLP workload on chip 0 (the chip must be brought up) and show the loss as it goes")
    public String train(
            @Descriptor("weight updates (0: as many as the standard plan)")
            @Parameter(names = "--steps", absentValue = "0") int steps,
            @Descriptor("progress display: bar, lines or none")
            @Parameter(names = "--progress", absentValue = "lines") String progress) {
        MlpTraining t = require(training, "training");
        TrainingPlan plan = steps > 0 ? t.plan().withSteps(steps) : t.plan();
        System.out.println("Training " + describe(plan));
        TrainingResult r = t.train(plan, new ProgressDisplay(System.out, style(progress)));
        return trainingLines(r);
    }

    private static List<Path> writePictures(Path dir, BringUpReport report, TrainingResult result) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        Path curve = absolute.resolve(LOSS_CURVE);
        Path timeline = absolute.resolve(TIMELINE);
        Files.writeString(curve, LossCurvePicture.svg(result), StandardCharsets.UTF_8);
        Files.writeString(timeline, TimelinePicture.svg(report), StandardCharsets.UTF_8);
        return List.of(curve, timeline);
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

    static Map<String, Object> summary(Chip chip, BringUpReport report, TrainingResult r, List<Path> pictures) {
        List<Object> steps = new ArrayList<>();
        for (BringUpStep s : report.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.name());
            step.put("deviceTime", s.deviceNanos());
            step.put("wallMs", s.wallMillis());
            step.put("alreadyDone", s.alreadyDone());
            steps.add(step);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", r.steps());
        training.put("initialLoss", r.initialLoss());
        training.put("finalLoss", r.finalLoss());
        training.put("targetLoss", r.targetLoss());
        training.put("weightsChecksum", r.weightsChecksum());
        training.put("wallMs", r.wallMillis());
        training.put("stepsPerSecond", r.stepsPerSecond());
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> ranOn = new LinkedHashMap<>();
        ranOn.put("chipMap", chip.chipMap());
        ranOn.put("generation", chip.generation());
        summary.put("chip", ranOn);
        summary.put("bringup", steps);
        summary.put("training", training);
        summary.put("pictures", pictures.stream().map(Path::toString).toList());
        return summary;
    }

    private static String summaryText(Chip chip, BringUpReport report, TrainingResult r, List<Path> pictures) {
        StringBuilder s = new StringBuilder("Summary\n");
        s.append("  chip      ").append(chip).append(" (chip 0)\n");
        s.append(String.format("  bring-up  %d steps, %s device time, %s wall%s%n", report.steps().size(),
                Units.nanos(BringUpView.deviceNanos(report)), Units.millis(BringUpView.wallMillis(report)),
                report.attachedToRunningChip() ? " (chip was already up)" : ""));
        s.append(trainingLines(r));
        s.append("  pictures  ").append(pictures.get(0)).append('\n');
        for (Path p : pictures.subList(1, pictures.size())) {
            s.append("            ").append(p).append('\n');
        }
        return s.toString();
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

    /** The service, or a one-line error naming it when it is missing on chip 0. */
    static <T> T require(T service, String what) {
        if (service == null) {
            throw new IllegalStateException("no " + what + " service for chip 0 (its bundle or a block driver is not active; see hal:blocks)");
        }
        return service;
    }
}
