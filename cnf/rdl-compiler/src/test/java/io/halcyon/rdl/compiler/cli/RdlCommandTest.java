package io.halcyon.rdl.compiler.cli;

import io.halcyon.rdl.compiler.Corpus;
import org.junit.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Runs the command line in-process and checks its JSON and its error reporting. */
public class RdlCommandTest {

    private record Result(int rc, String out, String err) { }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = RdlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    public void printsRegistersAsJson() {
        Result r = run(Corpus.file("systemrdl-compiler/examples/tiny.rdl").toString());
        assertEquals(r.err(), 0, r.rc());
        assertEquals("", r.err());
        Map<String, Object> json = cast(MiniJson.parse(r.out()));
        assertEquals("tiny", json.get("top"));
        List<Object> regs = cast(json.get("registers"));
        assertEquals(1, regs.size());
        Map<String, Object> reg = cast(regs.get(0));
        assertEquals("tiny.r1", reg.get("path"));
        assertEquals(0L, reg.get("address"));
        assertEquals(32L, reg.get("width"));
        assertEquals(123L, reg.get("reset"));
        List<Object> fields = cast(reg.get("fields"));
        Map<String, Object> f1 = cast(fields.get(0));
        assertEquals("f1", f1.get("name"));
        assertEquals(0L, f1.get("lsb"));
        assertEquals(7L, f1.get("msb"));
        assertEquals("rw", f1.get("sw"));
        assertEquals("r", f1.get("hw"));
        assertEquals(123L, f1.get("reset"));
        assertEquals(null, f1.get("onread"));
        assertEquals(false, f1.get("singlepulse"));
        Map<String, Object> f2 = cast(fields.get(1));
        assertEquals(8L, f2.get("lsb"));
        assertEquals(null, f2.get("reset"));
        assertTrue(f2.containsKey("encode"));
        assertEquals(List.of(), json.get("memories"));
    }

    @Test
    public void topOptionArraysAndMemories() {
        Result r = run("--top", "hier", Corpus.file("systemrdl-compiler/rdl_src/address_packing.rdl").toString());
        assertEquals(r.err(), 0, r.rc());
        Map<String, Object> json = cast(MiniJson.parse(r.out()));
        assertEquals("hier", json.get("top"));
        List<Map<String, Object>> regs = cast(json.get("registers"));
        Map<String, Object> y1 = regs.stream().filter(x -> x.get("path").equals("hier.y[1].a[0][0]")).findFirst().orElseThrow();
        assertEquals(0x100L + 0x94, y1.get("address"));
        List<Map<String, Object>> mems = cast(json.get("memories"));
        assertEquals(1, mems.size());
        assertEquals("hier.z_mem", mems.get(0).get("path"));
        assertEquals(0x400L, mems.get(0).get("address"));
        assertEquals(256L, mems.get(0).get("entries"));
        assertEquals(32L, mems.get(0).get("width"));
    }

    @Test
    public void encodeOnreadOnwriteAndSinglepulseInJson() {
        Result r = run(Corpus.file("peakrdl-regblock/test_enum.rdl").toString());
        assertTrue(r.out().contains("\"encode\": \"my_enum\""));
        r = run(Corpus.file("peakrdl-regblock/test_onread_onwrite.rdl").toString());
        assertTrue(r.out().contains("\"onread\": \"rclr\""));
        assertTrue(r.out().contains("\"onwrite\": \"wzt\""));
        r = run(Corpus.file("peakrdl-regblock/test_singlepulse.rdl").toString());
        assertTrue(r.out().contains("\"singlepulse\": true"));
    }

    @Test
    public void severalFilesAndIncludePath() {
        Result r = run("-I", Corpus.file("systemrdl-compiler/rdl_src").toString(),
                Corpus.file("peakrdl-regblock/regblock_udps.rdl").toString(),
                Corpus.file("peakrdl-regblock/test_fixedpoint.rdl").toString());
        assertEquals(r.err(), 0, r.rc());
        assertTrue(r.out().contains("\"path\": \"top.r2\""));
    }

    @Test
    public void errorsGoToStderrWithLocationAndNothingToStdout() {
        String file = Corpus.file("systemrdl-compiler/rdl_err_src/err_syntax.rdl").toString();
        Result r = run(file);
        assertEquals(1, r.rc());
        assertEquals("", r.out());
        assertTrue(r.err(), r.err().startsWith(file + ":3:1: mismatched input '}'"));
        assertTrue("no stack trace", !r.err().contains("\tat "));
    }

    @Test
    public void semanticErrorsAlsoLeaveStdoutEmpty() {
        Result r = run("--top", "reg_overlap", Corpus.file("systemrdl-compiler/rdl_err_src/err_validate.rdl").toString());
        assertEquals(1, r.rc());
        assertEquals("", r.out());
        assertTrue(r.err(), r.err().matches("(?s).*err_validate\\.rdl:8:14: Instance 'r2' .*"));
    }

    @Test
    public void usageErrors() {
        assertEquals(2, run().rc());
        assertEquals(2, run("--top").rc());
        assertEquals(2, run("--bogus", "x.rdl").rc());
        Result r = run("--top", "nope", Corpus.file("systemrdl-compiler/examples/tiny.rdl").toString());
        assertEquals(1, r.rc());
        assertTrue(r.err(), r.err().contains("no root-level addrmap named 'nope'"));
        r = run(Corpus.dir().resolve("does-not-exist.rdl").toString());
        assertEquals(1, r.rc());
        assertEquals("", r.out());
    }

    /**
     * Bad input of every kind the front end meets: one line per problem on stderr, file:line:column
     * first, no stack trace, nothing on stdout (the JSON is rendered whole or not at all), exit 1.
     */
    @Test
    public void badInputIsOneLineAtItsPlaceWithoutAStackTraceOrOutput() throws IOException {
        Path dir = Files.createTempDirectory("rdl-bad");
        try {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("malformed.xml", "<?xml version=\"1.0\"?>\n<a><b></a>\n");
            files.put("unknown.xml", "<?xml version=\"1.0\"?>\n<c:component xmlns:c=\"urn:other\"/>\n");
            files.put("dies.rdl", "addrmap top {\n  <% die \"no width\"; %>\n};\n");
            files.put("loops.rdl", "addrmap top {\n\n  <% 1 while 1; %>\n};\n");
            files.put("arguments.rdl", "`define F(a, b) a + b\naddrmap top { reg { field {} f[`F(1)]; } r; };\n");
            Map<String, String> places = Map.of("malformed.xml", ":2:", "unknown.xml", ":2:",
                    "dies.rdl", ":2:", "loops.rdl", ":3:3: ", "arguments.rdl", ":2:32: ");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.writeString(file, f.getValue());
                Result r = run("--perl-timeout", "1", file.toString());
                assertEquals(f.getKey() + ": " + r.err(), 1, r.rc());
                assertEquals(f.getKey(), "", r.out());
                List<String> lines = r.err().lines().toList();
                assertEquals(f.getKey() + ": " + r.err(), 1, lines.size());
                assertTrue(f.getKey() + ": " + r.err(), lines.get(0).startsWith(file + places.get(f.getKey())));
                assertTrue(f.getKey() + ": " + r.err(), !r.err().contains("Exception") && !r.err().contains("\tat "));
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
