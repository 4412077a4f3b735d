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
import java.util.concurrent.CompletableFuture;

/**
 * The embedded Perl pass of SystemRDL 2.0 (clause 16.2): the file is turned into a Perl program in
 * which plain text becomes {@code print} statements, {@code <% code %>} is copied verbatim and
 * {@code <%= expr %>} prints the expression; the program's output is the new file text. It runs
 * before the Verilog-style pass, as the standard says.
 */
public final class PerlPreprocessor {

    private final String perl;

    public PerlPreprocessor(String perlExecutable) {
        this.perl = perlExecutable;
    }

    /** The system's perl: /usr/bin/perl where it exists, else whatever "perl" the PATH finds. */
    public static PerlPreprocessor system() {
        return new PerlPreprocessor(Files.isExecutable(Path.of("/usr/bin/perl")) ? "/usr/bin/perl" : "perl");
    }

    public static boolean needed(String text) {
        return text.contains("<%");
    }

    /** Builds the Perl program for a file's text; public so tests can check the translation. */
    public static String toPerlProgram(String text, String file) {
        StringBuilder program = new StringBuilder();
        int pos = 0;
        int line = 1;
        while (pos < text.length()) {
            int open = text.indexOf("<%", pos);
            if (open < 0) {
                emitText(program, text.substring(pos));
                break;
            }
            emitText(program, text.substring(pos, open));
            line += countNewlines(text, pos, open);
            int close = text.indexOf("%>", open + 2);
            if (close < 0) {
                throw new RdlException(new SourceLocation(file, line, 1), "unterminated Perl segment: expected '%>'");
            }
            if (text.startsWith("<%=", open)) {
                program.append("print(").append(text, open + 3, close).append(");\n");
            } else {
                program.append(text, open + 2, close).append('\n');
            }
            line += countNewlines(text, open, close);
            pos = close + 2;
        }
        return program.toString();
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void emitText(StringBuilder program, String chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        program.append("print '").append(chunk.replace("\\", "\\\\").replace("'", "\\'")).append("';\n");
    }

    public String process(String text, String file) {
        String program = toPerlProgram(text, file);
        try {
            Process p = new ProcessBuilder(perl).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(program.getBytes(StandardCharsets.UTF_8));
            }
            int rc = p.waitFor();
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            if (rc != 0) {
                String stderr = new String(err.join(), StandardCharsets.UTF_8).trim();
                throw new RdlException(new SourceLocation(file, 1, 1),
                        "embedded Perl failed (exit " + rc + "): " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new RdlException(new SourceLocation(file, 1, 1),
                    "cannot run Perl for embedded <% %> code (" + perl + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RdlException(new SourceLocation(file, 1, 1), "interrupted while running Perl");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
