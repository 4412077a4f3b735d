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

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aSecondHostFindsTheChipUpAndDoesNotResetOrRetrainIt() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of());
        try (ChipServerProcess chip = ChipServerProcess.start(halcyon, socket)) {
            HalcyonScript attached = halcyon.with(chip.attach());
            // The shell prints the value of the last command of a line, so each look is a host of its own.
            HostProcess.Result first = attached.command("hal:write sysctrl SCRATCH 0x5eed ; hal:bringup");
            assertTrue(first.stdout(), first.stdout().matches("(?s).*\\npll-lock\\s+done .*"));
            assertTrue(first.stdout(), first.stdout().matches("(?s).*\\npcie-link\\s+done .*"));
            assertTrue(first.stdout(), first.stdout().matches("(?s).*\\nhbm-training\\s+done .*"));
            String resetCount = resetCount(attached.command("hal:read sysctrl RESET_STATUS").stdout());

            HostProcess.Result second = attached.command("hal:bringup");
            assertTrue(second.stdout(), second.stdout().contains("the chip was already up: nothing was reset or retrained"));
            assertFalse("no step done again: " + second.stdout(), second.stdout().matches("(?s).*\\n[a-z-]+\\s+done .*"));
            assertEquals(resetCount, resetCount(attached.command("hal:read sysctrl RESET_STATUS").stdout()));
            String scratch = attached.command("hal:read sysctrl SCRATCH").stdout();
            assertTrue(scratch, scratch.startsWith("sysctrl.SCRATCH @ 0x0000000c = 0x00005eed"));
            String info = attached.command("hal:info").stdout();
            assertTrue(info, info.contains("PERSISTENT_DEVICE"));
            assertTrue(info, info.contains("attached at " + socket));
            assertTrue("the chip outlived both hosts", chip.process().isAlive());

            HostProcess.Result stop = halcyon.run("chip", "stop", socket.toString());
            assertEquals(stop.stderr(), 0, stop.exitCode());
            assertTrue(stop.stdout(), stop.stdout().contains("stopped"));
            chip.process().onExit().get(30, TimeUnit.SECONDS);
            assertFalse(Files.exists(socket));
        }
    }

    @Test
    public void aHostWithoutItsChipServerSaysWhichSocketInOneLine() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("nobody.sock");
        HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIP", socket.toString())).run("run", "hal:info");
        assertNotEquals(0, r.exitCode());
        String line = r.stderr().lines().filter(l -> l.contains("chip server")).findFirst().orElse(r.stderr());
        assertTrue(line, line.startsWith("halcyon: emulation platform: chip 0: no chip server at " + socket));
        assertFalse("no stack trace: " + r.stderr(), r.stderr().contains("\tat "));
    }

    @Test
    public void stoppingAChipThatIsNotRunningFails() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, Map.of()).run("chip", "stop", tmp.getRoot().toPath().resolve("none.sock").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr(), r.stderr().startsWith("halcyon: no chip server runs at "));
    }

    /** RESET_COUNT from {@code hal:read sysctrl RESET_STATUS}, as printed. */
    static String resetCount(String out) {
        Matcher m = Pattern.compile("RESET_COUNT\\s+r\\s+(0x[0-9a-f]+)").matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }
}
