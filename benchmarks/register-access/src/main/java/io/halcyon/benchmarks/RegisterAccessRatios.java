package io.halcyon.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Typed / hand-written ratios of {@link RegisterAccessBenchmark}, measured so that machine noise
 * cannot pass for a difference. At 1-3 ns per operation a single JMH run of one benchmark after the
 * other mixes two things into the ratio: drift of the machine's load between the two (minutes apart)
 * and the code layout of one particular JIT compilation (the same instructions measured 1.26 and
 * 1.56 ns in two JVMs here). So each round runs every pair back to back in a fresh JVM each, in
 * alternating order, and the ratio is taken per round; the median over rounds is the figure, the
 * spread shows how far one round can be trusted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.halcyon.benchmarks.RegisterAccessRatios [ROUNDS [SECONDS]]}
 * (defaults 6 rounds, 5 warm-up and 5 measured iterations of 1 s per benchmark and round).
 */
public final class RegisterAccessRatios {

    private static final List<String> OPERATIONS = List.of("Read", "Write", "Modify", "Post", "Await");

    private RegisterAccessRatios() {
    }

    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Map<String, List<double[]>> byOperation = new LinkedHashMap<>();
        for (String op : OPERATIONS) {
            byOperation.put(op, new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d:", round, rounds));
            for (String op : OPERATIONS) {
                // Alternate which side runs first, so a drift within the round favours neither.
                double typed;
                double hand;
                if (round % 2 == 1) {
                    typed = nanosPerOp("typed" + op, seconds);
                    hand = nanosPerOp("hand" + op, seconds);
                } else {
                    hand = nanosPerOp("hand" + op, seconds);
                    typed = nanosPerOp("typed" + op, seconds);
                }
                byOperation.get(op).add(new double[] {typed, hand});
                line.append(String.format(Locale.ROOT, "  %s %.3f/%.3f ns = %.3f", op.toLowerCase(Locale.ROOT),
                        typed, hand, typed / hand));
            }
            System.out.println(line);
        }
        System.out.println();
        System.out.println("operation  typed_ns(median)  hand_ns(median)  ratio(median)  ratio(min..max)  rounds");
        for (Map.Entry<String, List<double[]>> e : byOperation.entrySet()) {
            List<double[]> runs = e.getValue();
            double[] ratios = runs.stream().mapToDouble(p -> p[0] / p[1]).sorted().toArray();
            double[] typed = runs.stream().mapToDouble(p -> p[0]).sorted().toArray();
            double[] hand = runs.stream().mapToDouble(p -> p[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-9s  %16.3f  %15.3f  %13.3f  %6.3f..%.3f  %6d%n",
                    e.getKey().toLowerCase(Locale.ROOT), median(typed), median(hand), median(ratios), ratios[0],
                    ratios[ratios.length - 1], ratios.length);
        }
    }

    /** One fork of one benchmark: its mean time per operation. */
    private static double nanosPerOp(String benchmark, int seconds) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RegisterAccessBenchmark.class.getName() + "\\." + benchmark + "$")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(seconds))
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
