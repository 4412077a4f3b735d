package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Perl pass of SystemRDL 2.0 (clause 16.2), run before the Verilog-style pass as the
 * standard says, over a file with its {@code `include}d files in place ({@link PerlSegments}). The
 * Perl program prints a reference to each plain text segment instead of the text itself, and a
 * marker before each {@code <% %>} segment: so the output maps back to where every piece came from,
 * copied text keeps its exact lines and columns, and text Perl printed is placed at the tag that
 * printed it. {@code # line} directives make Perl name the original file and line in its own errors.
 *
 * <p>Perl runs as a child process bounded in time: after {@link #timeout()} it is killed and the
 * error names the segment that was running. The program also arms {@code alarm} with a little more
 * than the timeout, so a Perl whose parent died still ends by itself.
 */
public final class PerlPreprocessor {

    /** How long a file's Perl may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** More printed output than this is a runaway loop, not a register description. */
    static final int MAX_OUTPUT = 64 << 20;

    private static final char START = '\u0001';
    private static final char END = '\u0002';
    private static final Pattern PERL_PLACE = Pattern.compile(" at (.+?) line (\\d+)[.,]");

    private final String perl;
    private final Duration timeout;

    public PerlPreprocessor(String perlExecutable) {
        this(perlExecutable, DEFAULT_TIMEOUT);
    }

    public PerlPreprocessor(String perlExecutable, Duration timeout) {
        this.perl = perlExecutable;
        this.timeout = timeout;
    }

    /** The system's perl: /usr/bin/perl where it exists, else whatever "perl" the PATH finds. */
    public static PerlPreprocessor system() {
        return new PerlPreprocessor(Files.isExecutable(Path.of("/usr/bin/perl")) ? "/usr/bin/perl" : "perl");
    }

    public Duration timeout() {
        return timeout;
    }

    /** The perl program this runs. */
    public String executable() {
        return perl;
    }

    /**
     * The text of {@code file} after Perl, with its includes in place; null when neither it nor any file it
     * includes holds Perl (the Verilog-style pass then reads it as it is).
     */
    SourceText process(String text, SourceLocation start, Path file, Path dir, IncludePath includes) {
        List<PerlSegments.Segment> segments = PerlSegments.of(text, start, file, dir, includes);
        return segments == null ? null : run(segments, start);
    }

    /** The Perl program for some segments; package-private so tests can check the translation. */
    String program(List<PerlSegments.Segment> segments) {
        StringBuilder p = new StringBuilder();
        // Unbuffered, so a killed program has shown how far it got; alarm bounds it even if its parent dies.
        p.append("$| = 1; alarm(").append(timeout.toSeconds() + 2).append(");\n");
        for (int i = 0; i < segments.size(); i++) {
            PerlSegments.Segment s = segments.get(i);
            p.append("print \"\\x01").append(s.kind() == PerlSegments.Kind.TEXT ? 'R' : 'P').append(i).append("\\x02\";\n");
            if (s.kind() == PerlSegments.Kind.TEXT) {
                continue;
            }
            p.append("# line ").append(s.at().line()).append(" \"").append(s.at().file().replace("\"", "")).append("\"\n");
            p.append(s.kind() == PerlSegments.Kind.EXPRESSION ? "print(" + s.text() + ");" : s.text()).append('\n');
        }
        return p.toString();
    }

    private SourceText run(List<PerlSegments.Segment> segments, SourceLocation start) {
        String program = program(segments);
        Process p;
        try {
            p = new ProcessBuilder(perl, "-").start();
        } catch (IOException e) {
            throw new RdlException(start, "cannot run Perl for embedded <% %> code (" + perl + "): " + e.getMessage());
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream(), p));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream(), p));
            try (OutputStream in = p.getOutputStream()) {
                in.write(program.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Perl stopped reading (it died at once): its exit code and stderr say why.
            }
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            byte[] printed = out.join();
            String stdout = new String(printed, StandardCharsets.UTF_8);
            if (!finished || printed.length >= MAX_OUTPUT) {
                SourceLocation running = lastStarted(stdout, segments, start);
                throw new RdlException(running, !finished
                        ? "embedded Perl did not finish within " + timeout.toSeconds() + " s and was stopped (a loop that never ends?)"
                        : "embedded Perl printed more than " + (MAX_OUTPUT >> 20) + " MiB and was stopped (a loop that never ends?)");
            }
            if (p.exitValue() != 0) {
                throw perlError(new String(err.join(), StandardCharsets.UTF_8).strip(), p.exitValue(), segments,
                        lastStarted(stdout, segments, start));
            }
            return output(stdout, segments);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RdlException(start, "interrupted while running Perl");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Perl's own message, placed where its {@code # line} says (the first place it names), else (a die
     * message ending in a newline names none) at {@code running}, the segment that was running.
     */
    private static RdlException perlError(String stderr, int exit, List<PerlSegments.Segment> segments,
            SourceLocation running) {
        String first = stderr.isEmpty() ? "embedded Perl failed (exit " + exit + ")" : stderr.lines().findFirst().orElse("");
        Matcher m = PERL_PLACE.matcher(first + ".");
        SourceLocation at = running;
        String message = first;
        if (m.find()) {
            int line = Integer.parseInt(m.group(2));
            at = segments.stream().filter(s -> s.kind() != PerlSegments.Kind.TEXT && s.at().file().replace("\"", "")
                    .equals(m.group(1)) && s.at().line() <= line).reduce((a, b) -> b)
                    .map(s -> s.at().line() == line ? s.at() : new SourceLocation(s.at().file(), line, 1, s.at().includedFrom()))
                    .orElse(running);
            message = first.substring(0, m.start()).strip();
        }
        return new RdlException(at, "embedded Perl failed: " + message);
    }

    /** The segment whose marker came last before Perl was stopped. */
    private static SourceLocation lastStarted(String stdout, List<PerlSegments.Segment> segments, SourceLocation start) {
        int marker = stdout.lastIndexOf(START);
        int end = marker < 0 ? -1 : stdout.indexOf(END, marker);
        return end < 0 ? start : segments.get(Integer.parseInt(stdout.substring(marker + 2, end))).at();
    }

    /** The text Perl's output stands for: referenced segments as they are, printed text where its tag is. */
    private static SourceText output(String stdout, List<PerlSegments.Segment> segments) {
        SourceTextBuilder text = new SourceTextBuilder();
        int i = 0;
        while (i < stdout.length()) {
            char c = stdout.charAt(i);
            int end = c == START ? stdout.indexOf(END, i) : -1;
            if (end < 0) {
                text.append(c);
                i++;
                continue;
            }
            PerlSegments.Segment s = segments.get(Integer.parseInt(stdout.substring(i + 2, end)));
            boolean copied = stdout.charAt(i + 1) == 'R';
            text.mark(s.at(), !copied);
            if (copied) {
                text.append(s.text());
            }
            i = end + 1;
        }
        return text.build();
    }

    private static byte[] readAll(InputStream in, Process p) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                buf.write(chunk, 0, n);
                if (buf.size() >= MAX_OUTPUT) {
                    p.destroyForcibly();
                    break;
                }
            }
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
