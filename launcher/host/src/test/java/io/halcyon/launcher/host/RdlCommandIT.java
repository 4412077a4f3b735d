package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code launcher/halcyon rdl} as users run it: the script, the compiler jar, JSON on stdout, errors on stderr. */
public class RdlCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("halcyon.root", "../..")).toAbsolutePath().normalize();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Run(int exit, String out, String err) {}

    private Run rdl(String... args) throws Exception {
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        String[] cmd = new String[args.length + 3];
        cmd[0] = "bash";
        cmd[1] = ROOT.resolve("launcher/halcyon").toString();
        cmd[2] = "rdl";
        System.arraycopy(args, 0, cmd, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("halcyon rdl did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    public void elaboratesABlockDescriptionToJson() throws Exception {
        Run r = rdl(ROOT.resolve("block-bundles/sysctrl/src/main/rdl/sysctrl.rdl").toString());
        assertEquals(r.err(), 0, r.exit());
        String json = r.out().replaceAll("\\s+", "");
        assertTrue(json, json.startsWith("{\"top\":\"sysctrl\",\"registers\":["));
        assertTrue(json, json.contains("\"path\":\"sysctrl.RESET_STATUS\",\"address\":20,\"width\":32"));
        assertTrue(json, json.contains("{\"name\":\"RESET\",\"lsb\":0,\"msb\":0,\"sw\":\"rw\",\"hw\":\"r\",\"onread\":null,\"onwrite\":null,\"reset\":0,\"encode\":null,\"singlepulse\":true}"));
    }

    @Test
    public void arraysAreListedElementByElementWithAbsoluteAddresses() throws Exception {
        Path rdl = tmp.newFile("arr.rdl").toPath();
        Files.writeString(rdl, """
                addrmap top {
                    regfile { reg { field { sw = rw; } f[7:0] = 0; } r[2] @ 0x0 += 0x4; } rf[2] @ 0x100 += 0x10;
                };
                """, StandardCharsets.UTF_8);
        Run r = rdl(rdl.toString());
        assertEquals(r.err(), 0, r.exit());
        String json = r.out().replaceAll("\\s+", "");
        assertTrue(json, json.contains("\"path\":\"top.rf[1].r[1]\",\"address\":276"));
    }

    @Test
    public void aBadDescriptionIsAnErrorWithFileLineAndColumn() throws Exception {
        Path rdl = tmp.newFile("bad.rdl").toPath();
        Files.writeString(rdl, "addrmap x {\n  reg { field {} f[40:0]; } r;\n};\n");
        Run r = rdl(rdl.toString());
        assertEquals(1, r.exit());
        assertEquals("nothing on stdout", "", r.out());
        assertTrue(r.err(), r.err().startsWith(rdl + ":2:"));
        assertTrue(r.err(), !r.err().contains("\tat "));
    }
}
