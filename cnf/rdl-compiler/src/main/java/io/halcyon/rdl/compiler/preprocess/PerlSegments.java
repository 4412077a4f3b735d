package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file cut into what the Perl pass needs, with every {@code `include}d file put in place first (as
 * the reference compiler does, so that a Perl variable an included file sets is seen after the
 * {@code `include}): plain text, {@code <% code %>} and {@code <%= expression %>}, each with the place
 * it starts at. Comments are skipped when looking for tags and includes, so neither is found in one.
 */
final class PerlSegments {

    /** One piece of a file: {@link Kind#TEXT} is copied, CODE runs, EXPRESSION prints its value. */
    record Segment(Kind kind, String text, SourceLocation at) {
    }

    enum Kind { TEXT, CODE, EXPRESSION }

    private static final Pattern INCLUDE = Pattern.compile("`include[ \\t]+(?:\"([^\"\\r\\n]+)\"|<([^>\\r\\n]+)>)");

    private final IncludePath includes;
    private final List<Segment> segments = new ArrayList<>();
    private final Deque<Path> chain = new ArrayDeque<>();
    private boolean hasPerl;
    private RdlException unresolved;

    private PerlSegments(IncludePath includes) {
        this.includes = includes;
    }

    /**
     * The segments of {@code text} and everything it includes; null when none of those files holds a
     * Perl tag (then the Verilog-style pass reads includes itself, only where its conditionals keep them).
     *
     * @param file the file the text is read from, null for text without one
     */
    static List<Segment> of(String text, SourceLocation start, Path file, Path dir, IncludePath includes) {
        PerlSegments s = new PerlSegments(includes);
        if (file != null) {
            s.chain.push(file.toAbsolutePath().normalize());
        }
        s.cut(text, start, dir);
        if (!s.hasPerl) {
            return null;
        }
        if (s.unresolved != null) {
            throw s.unresolved;
        }
        return List.copyOf(s.segments);
    }

    private void cut(String text, SourceLocation start, Path dir) {
        Positions positions = new Positions(text, start);
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("//", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("<%", i)) {
                text(text, from, i, positions);
                int close = text.indexOf("%>", i + 2);
                SourceLocation at = positions.at(i);
                if (close < 0) {
                    throw new RdlException(at, "unterminated Perl segment: expected '%>'");
                }
                hasPerl = true;
                boolean expression = text.startsWith("<%=", i);
                segments.add(new Segment(expression ? Kind.EXPRESSION : Kind.CODE,
                        text.substring(i + (expression ? 3 : 2), close), at));
                i = from = close + 2;
            } else if (text.startsWith("`include", i)) {
                Matcher m = INCLUDE.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    i += "`include".length();
                    continue; // the Verilog-style pass reports a malformed `include where it matters
                }
                text(text, from, i, positions);
                include(m.group(1) != null ? m.group(1) : m.group(2), positions.at(i), dir);
                i = from = m.end();
            } else {
                i++;
            }
        }
        text(text, from, text.length(), positions);
    }

    private void text(String text, int from, int to, Positions positions) {
        if (to > from) {
            segments.add(new Segment(Kind.TEXT, text.substring(from, to), positions.at(from)));
        }
    }

    private void include(String name, SourceLocation at, Path dir) {
        Path target = includes.resolve(name, dir);
        if (target == null) {
            if (unresolved == null) {
                unresolved = new RdlException(at, includes.notFound(name, dir));
            }
            return;
        }
        Path real = target.toAbsolutePath().normalize();
        if (chain.contains(real)) {
            throw new RdlException(at, "`include of '" + name + "' is circular: the file includes itself");
        }
        String included;
        try {
            included = Files.readString(target, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RdlException(at, "cannot read `include file '" + target + "': " + e.getMessage());
        }
        chain.push(real);
        cut(included, new SourceLocation(target.toString(), 1, 1, at), real.getParent());
        chain.pop();
    }

    /** Line and column of offsets asked in increasing order. */
    private static final class Positions {
        private final String text;
        private final SourceLocation start;
        private int offset;
        private int line;
        private int column;

        Positions(String text, SourceLocation start) {
            this.text = text;
            this.start = start;
            this.line = start.line();
            this.column = start.column();
        }

        SourceLocation at(int target) {
            for (; offset < target; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new SourceLocation(start.file(), line, column, start.includedFrom());
        }
    }
}
