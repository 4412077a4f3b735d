package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code hal:soak ... --json} through {@code launcher/halcyon} and reads its one-line report. */
final class Soak {

    private Soak() {}

    /** The report of a soak run to the end with {@code exitCode}. */
    static String json(HalcyonScript halcyon, String command, int exitCode) throws Exception {
        HostProcess.Result r = halcyon.run("run", command);
        assertEquals("exit code; stderr: " + r.stderr(), exitCode, r.exitCode());
        return r.stdout().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() -> new AssertionError("no JSON object in: "
                + r.stdout()));
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.]+)").matcher(json);
        assertTrue("no " + key + " in " + json, m.find());
        return Double.parseDouble(m.group(1));
    }
}
