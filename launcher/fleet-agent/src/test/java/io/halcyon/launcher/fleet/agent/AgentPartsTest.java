package io.halcyon.launcher.fleet.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The agent's parts that need no server: JSON, the checks of a downloaded jar, the action log, the feedback body. */
public class AgentPartsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path jar(String name, Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        Path p = tmp.getRoot().toPath().resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p), m)) {
            out.flush();
        }
        return p;
    }

    @Test
    public void jsonReadsWhatHawkBitSendsAndWritesItBack() {
        Object o = Json.parse("{\"config\":{\"polling\":{\"sleep\":\"00:00:05\"}},\"n\":[1,2.5,true,null,\"a\\\"b\\u0041\"]}");
        assertEquals("00:00:05", Json.string(o, "config", "polling", "sleep"));
        assertEquals(1L, Json.at(o, "n", 0));
        assertEquals(2.5, Json.at(o, "n", 1));
        assertEquals("a\"bA", Json.at(o, "n", 4));
        assertNull(Json.at(o, "missing", "deeper"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x\ny");
        m.put("l", List.of(1, "two"));
        assertEquals("{\"s\":\"x\\ny\",\"l\":[1,\"two\"]}", Json.write(m));
        assertEquals("{s=x\ny, l=[1, two]}", Json.parse(Json.write(m)).toString());
        try {
            Json.parse("{\"a\":1");
            fail("a torn object parsed");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("offset"));
        }
    }

    @Test
    public void everyGivenChecksumMustMatchAndOneMustBeGiven() throws IOException {
        Path j = jar("b.jar", Map.of("Bundle-SymbolicName", "io.x.b", "Bundle-Version", "1.2.3"));
        String sha256 = BundleJars.digest(j, "SHA-256");
        String md5 = BundleJars.digest(j, "MD5");
        Artifacts.verify("b.jar", j, Files.size(j), Map.of("sha256", sha256, "md5", md5));
        try {
            Artifacts.verify("b.jar", j, Files.size(j), Map.of("sha256", sha256, "md5", "00" + md5.substring(2)));
            fail("a wrong md5 passed");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("artifact b.jar: md5 mismatch (expected 00"));
        }
        try {
            Artifacts.verify("b.jar", j, Files.size(j) + 1, Map.of("sha256", sha256));
            fail("a wrong size passed");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("bytes downloaded, the server says"));
        }
        try {
            Artifacts.verify("b.jar", j, -1, Map.of());
            fail("no checksum passed");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no checksum"));
        }
    }

    @Test
    public void aJarWithoutSymbolicNameIsNoBundle() throws IOException {
        BundleJars.Jar b = BundleJars.read("b.jar", jar("b.jar", Map.of("Bundle-SymbolicName", "io.x.b;singleton:=true", "Bundle-Version", "1.2.3")));
        assertEquals("io.x.b", b.symbolicName());
        assertEquals("1.2.3", b.version());
        try {
            BundleJars.read("artifact plain.jar", jar("plain.jar", Map.of()));
            fail("a plain jar read as a bundle");
        } catch (IOException e) {
            assertEquals("artifact plain.jar: not an OSGi bundle (no Bundle-SymbolicName in its manifest)", e.getMessage());
        }
        Path text = tmp.newFile("text.jar").toPath();
        Files.writeString(text, "not a zip");
        try {
            BundleJars.read("artifact text.jar", text);
            fail("a text file read as a jar");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("artifact text.jar: not a jar"));
        }
    }

    @Test
    public void theActionLogOutlivesTheAgentAndSkipsATornLine() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("fleet/actions.jsonl");
        ActionLog log = new ActionLog(file);
        log.begun("7");
        log.finished("7", "success", List.of("#1 sysctrl ... UPDATED"));
        log.begun("8");
        Files.writeString(file, "{\"action\":\"9\",\"fini", java.nio.file.StandardOpenOption.APPEND);
        ActionLog again = new ActionLog(file);
        assertEquals(new ActionLog.Entry("success", List.of("#1 sysctrl ... UPDATED")), again.result("7"));
        assertTrue("begun, never finished", again.known("8"));
        assertNull(again.result("8"));
        assertFalse("the torn line is no action", again.known("9"));
    }

    @Test
    public void feedbackCarriesTheActionIdThatHawkBit03Needs() {
        Object body = Json.parse(DdiClient.feedbackBody("42", "closed", "failure", List.of("failed: x")));
        assertEquals("42", Json.string(body, "id"));
        assertEquals("closed", Json.string(body, "status", "execution"));
        assertEquals("failure", Json.string(body, "status", "result", "finished"));
        assertEquals(List.of("failed: x"), Json.list(body, "status", "details"));
    }
}
