package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The chip as a process of its own, as users run it: {@code launcher/halcyon chip start}, two hosts one
 * after the other attached with HALCYON_CHIP, {@code chip stop}. The second host must find the chip up
 * and leave it so: bring-up skips every step, scratch and reset count are as the first host left them.
 */
public class ChipServerIT {

    private static final Path ROOT = Path.of(System.getProperty("halcyon.root", "../..")).toAbsolutePath().normalize();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Run(int exit, String out, String err) {}

    private Run halcyon(Map<String, String> env, String... args) throws Exception {
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = ROOT.resolve("launcher/halcyon").toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("HALCYON_DEPLOY", tmp.newFolder().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("halcyon " + String.join(" ", args) + " did not finish in 90 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** One shell command line on a host, which must succeed. */
    private Run run(Map<String, String> env, String command) throws Exception {
        Run r = halcyon(env, "run", command);
        assertEquals(command + ": " + r.err(), 0, r.exit());
        return r;
    }

    @Test
    public void aSecondHostFindsTheChipUpAndDoesNotResetOrRetrainIt() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        Map<String, String> attached = Map.of("HALCYON_CHIP", socket.toString());
        Run start = halcyon(Map.of(), "chip", "start", socket.toString());
        ProcessHandle server = null;
        try {
            assertEquals(start.err(), 0, start.exit());
            Matcher started = Pattern.compile("chip server pid (\\d+) at " + Pattern.quote(socket.toString())).matcher(start.out());
            assertTrue(start.out(), started.find());
            server = ProcessHandle.of(Long.parseLong(started.group(1))).orElseThrow();

            // The shell prints the value of the last command of a line, so each look is a host of its own.
            Run first = run(attached, "hal:write sysctrl SCRATCH 0x5eed ; hal:bringup");
            assertTrue(first.out(), first.out().matches("(?s).*\\npll-lock\\s+done .*"));
            assertTrue(first.out(), first.out().matches("(?s).*\\npcie-link\\s+done .*"));
            assertTrue(first.out(), first.out().matches("(?s).*\\nhbm-training\\s+done .*"));
            String resetCount = resetCount(run(attached, "hal:read sysctrl RESET_STATUS").out());

            Run second = run(attached, "hal:bringup");
            assertTrue(second.out(), second.out().contains("the chip was already up: nothing was reset or retrained"));
            assertFalse("no step done again: " + second.out(), second.out().matches("(?s).*\\n[a-z-]+\\s+done .*"));
            assertEquals(resetCount, resetCount(run(attached, "hal:read sysctrl RESET_STATUS").out()));
            String scratch = run(attached, "hal:read sysctrl SCRATCH").out();
            assertTrue(scratch, scratch.startsWith("sysctrl.SCRATCH @ 0x0000000c = 0x00005eed"));
            String info = run(attached, "hal:info").out();
            assertTrue(info, info.contains("PERSISTENT_DEVICE"));
            assertTrue(info, info.contains("attached at " + socket));
            assertTrue("the chip outlived both hosts", server.isAlive());

            Run stop = halcyon(Map.of(), "chip", "stop", socket.toString());
            assertEquals(stop.err(), 0, stop.exit());
            assertTrue(stop.out(), stop.out().contains("stopped"));
            server.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(Files.exists(socket));
        } finally {
            if (server != null && server.isAlive()) {
                server.destroyForcibly();
                server.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    public void aHostWithoutItsChipServerSaysWhichSocketInOneLine() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("nobody.sock");
        Run r = halcyon(Map.of("HALCYON_CHIP", socket.toString()), "run", "hal:info");
        assertNotEquals(0, r.exit());
        String line = r.err().lines().filter(l -> l.contains("chip server")).findFirst().orElse(r.err());
        assertTrue(line, line.startsWith("halcyon: emulation platform: no chip server at " + socket));
        assertFalse("no stack trace: " + r.err(), r.err().contains("\tat "));
    }

    @Test
    public void stoppingAChipThatIsNotRunningFails() throws Exception {
        Run r = halcyon(Map.of(), "chip", "stop", tmp.getRoot().toPath().resolve("none.sock").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err(), r.err().startsWith("halcyon: no chip server runs at "));
    }

    private static String resetCount(String out) {
        Matcher m = Pattern.compile("RESET_COUNT\\s+r\\s+(0x[0-9a-f]+)").matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }
}
