package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code launcher/halcyon shell} driven as a person drives it, on a terminal (issue 18): what
 * {@code help hal}, {@code hal:help}, {@code help hal:CMD} and {@code exit} put on the screen.
 */
public class ShellTerminalIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final String PROMPT = "g! ";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void helpListsEveryCommandDescribesParametersTabCompletesNamesAndExitLeavesCleanly() throws Exception {
        String script = HalcyonScript.ROOT.resolve("launcher/halcyon").toString();
        // A terminal that can do what a person's can (colours, cursor moves), so the console edits lines and completes.
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "HALCYON_DEPLOY", tmp.newFolder().toString(),
                "TERM", "xterm");
        try (Terminal t = new Terminal("bash " + script + " shell", env)) {
            int at = t.await(0, "Commands: help hal; leave with 'exit'.", START);
            at = t.await(at, PROMPT, ANSWER);

            t.type("help hal");
            int listed = t.await(at, "help hal:COMMAND shows a command's parameters", ANSWER);
            String listing = t.screen().substring(at, listed);
            for (String command : new String[] {"info", "blocks", "read", "write", "status", "bringup", "chip", "train", "mainjob",
                    "butr", "hitl", "update", "rollback", "history", "inflight", "drain", "help"}) {
                assertTrue("help hal lists hal:" + command + ":\n" + listing,
                        listing.lines().anyMatch(l -> l.startsWith("hal:" + command + " ") && l.length() > ("hal:" + command).length() + 10));
            }
            assertFalse(listing, listing.contains("No methods found"));
            at = t.await(listed, PROMPT, ANSWER);

            t.type("hal:help");
            at = t.await(at, "hal:write ", ANSWER);
            at = t.await(at, PROMPT, ANSWER);

            t.type("help hal:read");
            int usage = t.await(at, "hal:read [-f] [--chip CHIP] BLOCK REGISTER", ANSWER);
            at = t.await(usage, PROMPT, ANSWER);
            String read = t.screen().substring(usage, at);
            assertTrue(read, read.contains("-f, --force") && read.contains("(default: off)"));
            assertTrue(read, read.contains("BLOCK ") && read.contains("REGISTER ") && read.contains("e.g. sysctrl"));

            t.type("help hal:train");
            usage = t.await(at, "hal:train [--chip CHIP] [--steps STEPS] [--progress PROGRESS]", ANSWER);
            at = t.await(usage, PROMPT, ANSWER);
            String train = t.screen().substring(usage, at);
            assertTrue(train, train.contains("(default: 0)") && train.contains("(default: lines)"));

            t.type("hal:write sysctrl SCRATCH 0x1ffffffff");
            at = t.await(at, "value 0x1ffffffff too wide for sysctrl.SCRATCH: 32 bits, allowed 0x0..0xffffffff", ANSWER);
            at = t.await(at, PROMPT, ANSWER);

            // Tab completes block, then register names: the line that runs is the completed one.
            t.keys("hal:read sys\t");
            at = t.await(at, "hal:read sysctrl", ANSWER);
            t.keys("SCR\t");
            at = t.await(at, "SCRATCH", ANSWER);
            t.type("");
            at = t.await(at, "sysctrl.SCRATCH @ 0x0000000c = ", ANSWER);
            at = t.await(at, PROMPT, ANSWER);
            t.keys("hal:write sysctrl SCRATCH \t");
            at = t.await(at, "VALUE=", ANSWER);
            t.type("7");
            at = t.await(at, "wrote 0x00000007 to sysctrl.SCRATCH", ANSWER);
            at = t.await(at, PROMPT, ANSWER);

            t.type("exit");
            assertEquals("exit ends the shell with status 0", Integer.valueOf(0), t.awaitExit(ANSWER));
            String after = t.screen().substring(at);
            assertFalse(after, after.contains("Cannot coerce"));
            assertFalse(after, after.contains("Exception"));
        }
    }
}
