package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SystemVerilog-style pass of SystemRDL 2.0 (clause 16.3): `include, `define (IEEE 1800-2017
 * 22.5.1: arguments with defaults, {@code `"}, {@code `\`"}, {@code ``}, comments in macro text),
 * `undef, `ifdef/`ifndef/`elsif/`else/`endif and `line. Each file given to {@link #process} starts
 * with no macros, as in the reference compiler. Its input is a {@link SourceText} (the Perl pass's
 * output, or a file as it is), so every position it reports or marks is a place in an original
 * file; newlines in skipped text are kept so that lines stay aligned.
 */
public final class VerilogPreprocessor {

    private static final int MAX_DEPTH = 64;

    private final IncludePath includes;
    private final PerlPreprocessor perl;
    private final Map<String, Macro> macros = new HashMap<>();
    private final SourceTextBuilder out = new SourceTextBuilder();

    public VerilogPreprocessor(List<Path> includeDirs, PerlPreprocessor perl) {
        this.includes = new IncludePath(includeDirs);
        this.perl = perl;
    }

    /** Preprocesses one top-level file (Perl pass first, then this pass). */
    public SourceText process(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        new Scanner(read(file, new SourceLocation(file.toString(), 1, 1), file, dir), dir, 0).run();
        return out.build();
    }

    /** Preprocesses text that has no file (tests, generated input). */
    public SourceText processText(String text, String name) {
        Path dir = Path.of("").toAbsolutePath();
        new Scanner(withPerl(text, new SourceLocation(name, 1, 1), null, dir), dir, 0).run();
        return out.build();
    }

    private SourceText read(Path file, SourceLocation start, Path path, Path dir) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            SourceLocation at = start.includedFrom() != null ? start.includedFrom() : start;
            throw new RdlException(at, "cannot read file '" + file + "': " + e.getMessage());
        }
        return withPerl(text, start, path, dir);
    }

    private SourceText withPerl(String text, SourceLocation start, Path file, Path dir) {
        SourceText afterPerl = perl == null ? null : perl.process(text, start, file, dir, includes);
        return afterPerl != null ? afterPerl : SourceText.of(text, start);
    }

    /** Scans one piece of text (a file, a macro expansion or a macro argument). */
    private final class Scanner {
        private final String text;
        private final SourceText input;
        private final SourceCursor cursor;
        private final Path dir;
        private final int depth;
        private final Deque<Cond> conds = new ArrayDeque<>();
        private int pos;
        /** Offset of the input's next mark: crossing it puts a mark in the output too. */
        private int nextMark;
        private int markIndex;
        /** After {@code `line N "file"}: the file named and how far its numbers are from the physical lines. */
        private String lineFile;
        private int lineDelta;

        Scanner(SourceText input, Path dir, int depth) {
            this.text = input.text();
            this.input = input;
            this.cursor = new SourceCursor(input);
            this.dir = dir;
            this.depth = depth;
            this.nextMark = input.marks().isEmpty() ? Integer.MAX_VALUE : input.marks().get(0).offset();
        }

        private boolean active() {
            return conds.isEmpty() || conds.peek().active;
        }

        private SourceLocation here() {
            SourceLocation at = cursor.locate(pos);
            return lineFile == null || cursor.generated() ? at
                    : new SourceLocation(lineFile, at.line() + lineDelta, at.column(), at.includedFrom());
        }

        private void markOutput() {
            SourceLocation at = here();
            out.mark(at, cursor.generated());
        }

        private RdlException error(String msg) {
            return new RdlException(here(), msg);
        }

        void run() {
            if (depth > MAX_DEPTH) {
                throw error("include or macro nesting deeper than " + MAX_DEPTH + " (recursive `include or `define?)");
            }
            markOutput();
            crossMarks();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (text.startsWith("//", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        emitIfActive(text.charAt(pos));
                        advance();
                    }
                } else if (text.startsWith("/*", pos)) {
                    copyComment();
                } else if (c == '"') {
                    copyString();
                } else if (c == '`') {
                    directive();
                } else {
                    emit(c);
                    advance();
                }
            }
            if (!conds.isEmpty()) {
                throw new RdlException(conds.peek().where, "`ifdef/`ifndef without matching `endif");
            }
        }

        /** Copies a character of live text; of skipped text only newlines, which keep lines aligned. */
        private void emit(char c) {
            if (active() || c == '\n') {
                out.append(c);
            }
        }

        private void emitIfActive(char c) {
            if (active()) {
                out.append(c);
            }
        }

        private void advance() {
            pos++;
            crossMarks();
        }

        private void crossMarks() {
            while (pos >= nextMark) {
                if (pos == nextMark) {
                    markOutput();
                }
                markIndex++;
                nextMark = markIndex < input.marks().size() ? input.marks().get(markIndex).offset() : Integer.MAX_VALUE;
            }
        }

        private void copyComment() {
            SourceLocation start = here();
            int end = text.indexOf("*/", pos + 2);
            if (end < 0) {
                throw new RdlException(start, "unterminated comment: expected '*/'");
            }
            while (pos < end + 2) {
                emit(text.charAt(pos));
                advance();
            }
        }

        private void copyString() {
            SourceLocation start = here();
            emit('"');
            advance();
            while (true) {
                if (pos >= text.length()) {
                    throw new RdlException(start, "unterminated string literal: expected '\"'");
                }
                char ch = text.charAt(pos);
                emit(ch);
                advance();
                if (ch == '\\' && pos < text.length()) {
                    emit(text.charAt(pos));
                    advance();
                } else if (ch == '"') {
                    return;
                }
            }
        }

        private String identifier() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                advance();
            }
            return text.substring(start, pos);
        }

        private void skipBlanks() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
                advance();
            }
        }

        private String restOfLine() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '\n') {
                advance();
            }
            return text.substring(start, pos);
        }

        private String requireName(String directive) {
            skipBlanks();
            String name = identifier();
            if (name.isEmpty()) {
                throw error("`" + directive + " needs a macro name (expected an identifier)");
            }
            return name;
        }

        private void directive() {
            SourceLocation start = here();
            advance(); // the backtick
            String name = identifier();
            switch (name) {
                case "ifdef", "ifndef" -> {
                    String macro = requireName(name);
                    boolean parent = active();
                    boolean cond = macros.containsKey(macro) == name.equals("ifdef");
                    conds.push(new Cond(parent, parent && cond, parent && cond, false, start));
                }
                case "elsif" -> {
                    String macro = requireName(name);
                    Cond top = requireCond(start, name);
                    boolean take = top.parentActive && !top.taken && macros.containsKey(macro);
                    top.active = take;
                    top.taken |= take;
                }
                case "else" -> {
                    Cond top = requireCond(start, name);
                    if (top.sawElse) {
                        throw new RdlException(start, "second `else for the same `ifdef");
                    }
                    top.sawElse = true;
                    top.active = top.parentActive && !top.taken;
                    top.taken = true;
                }
                case "endif" -> {
                    requireCond(start, name);
                    conds.pop();
                }
                default -> {
                    if (!active()) {
                        // Inside a false branch nothing else is interpreted.
                        break;
                    }
                    switch (name) {
                        case "define" -> define();
                        case "undef" -> macros.remove(requireName(name));
                        case "include" -> include(start);
                        case "line" -> lineDirective(start);
                        case "resetall", "timescale", "celldefine", "endcelldefine", "default_nettype" -> restOfLine();
                        case "" -> throw new RdlException(start, "stray '`': expected a directive or macro name");
                        default -> expand(name, start);
                    }
                }
            }
            markOutput();
        }

        private Cond requireCond(SourceLocation at, String directive) {
            if (conds.isEmpty()) {
                throw new RdlException(at, "`" + directive + " without a preceding `ifdef or `ifndef");
            }
            return conds.peek();
        }

        private void define() {
            SourceLocation at = here();
            String name = requireName("define");
            List<Macro.Parameter> params = null;
            if (pos < text.length() && text.charAt(pos) == '(') {
                int open = pos;
                int close = closingParenthesis(open, "`define parameter list of '" + name + "'");
                params = Macro.parameters(name, text.substring(open + 1, close), at);
                while (pos <= close) {
                    emit(text.charAt(pos) == '\n' ? '\n' : ' ');
                    advance();
                }
            }
            macros.put(name, new Macro(name, params, body()));
        }

        /**
         * The macro text (IEEE 1800-2017 22.5.1): up to the end of the line, continued over lines that end
         * in {@code \}. A {@code //} comment is left out up to the end of its line (a {@code \} ending that
         * line still continues the text); a block comment is left out whole, wherever its lines end, and a
         * {@code /*} inside it opens nothing. Newlines the macro spans are kept in the output, so the lines
         * after it keep their numbers.
         */
        private String body() {
            StringBuilder body = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '\n') {
                if (continuation()) {
                    body.append(' ');
                } else if (text.startsWith("//", pos)) {
                    int eol = text.indexOf('\n', pos);
                    int lineEnd = eol < 0 ? text.length() : eol;
                    int backslash = text.charAt(lineEnd - 1) == '\r' ? lineEnd - 2 : lineEnd - 1;
                    boolean continued = backslash > pos + 1 && text.charAt(backslash) == '\\';
                    while (pos < (continued ? backslash : lineEnd)) {
                        advance();
                    }
                } else if (text.startsWith("/*", pos)) {
                    SourceLocation start = here();
                    int end = text.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw new RdlException(start, "unterminated comment in macro text: expected '*/'");
                    }
                    while (pos < end + 2) {
                        if (text.charAt(pos) == '\n') {
                            out.append('\n');
                        }
                        advance();
                    }
                    body.append(' ');
                } else if (text.startsWith("`\\`\"", pos) || text.startsWith("`\"", pos) || text.startsWith("``", pos)) {
                    // Macro quotes and pastes are kept for expansion; a `" is not the start of a string.
                    int n = text.startsWith("`\\`\"", pos) ? 4 : 2;
                    body.append(text, pos, pos + n);
                    for (int k = 0; k < n; k++) {
                        advance();
                    }
                } else if (text.charAt(pos) == '"') {
                    bodyString(body);
                } else {
                    body.append(text.charAt(pos));
                    advance();
                }
            }
            return body.toString().strip();
        }

        /** A {@code \} ending the line: consumed with its newline, which the output keeps. */
        private boolean continuation() {
            int n = text.startsWith("\\\n", pos) ? 2 : text.startsWith("\\\r\n", pos) ? 3 : 0;
            if (n == 0) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                advance();
            }
            out.append('\n');
            return true;
        }

        private void bodyString(StringBuilder body) {
            SourceLocation start = here();
            body.append('"');
            advance();
            while (true) {
                if (pos >= text.length() || text.charAt(pos) == '\n') {
                    throw new RdlException(start, "unterminated string literal in macro text: expected '\"'");
                }
                if (continuation()) {
                    continue; // a string continued on the next line: the two parts join
                }
                char ch = text.charAt(pos);
                body.append(ch);
                advance();
                if (ch == '\\' && pos < text.length() && text.charAt(pos) != '\n') {
                    body.append(text.charAt(pos));
                    advance();
                } else if (ch == '"') {
                    return;
                }
            }
        }

        /** The offset of the parenthesis closing the one at {@code open}, skipping strings and nested pairs. */
        private int closingParenthesis(int open, String what) {
            int close = Macro.closingParenthesis(text, open);
            if (close < 0) {
                throw new RdlException(here(), "unterminated " + what + ": expected ')'");
            }
            return close;
        }

        private void include(SourceLocation start) {
            skipBlanks();
            if (pos >= text.length() || (text.charAt(pos) != '"' && text.charAt(pos) != '<')) {
                throw error("`include expects a file name in quotes");
            }
            char close = text.charAt(pos) == '"' ? '"' : '>';
            advance();
            int s = pos;
            while (pos < text.length() && text.charAt(pos) != close && text.charAt(pos) != '\n') {
                advance();
            }
            if (pos >= text.length() || text.charAt(pos) != close) {
                throw error("unterminated `include file name: expected '" + close + "'");
            }
            String name = text.substring(s, pos);
            advance();
            Path target = includes.resolve(name, dir);
            if (target == null) {
                throw new RdlException(start, includes.notFound(name, dir));
            }
            Path targetDir = target.toAbsolutePath().getParent();
            SourceText included = read(target, new SourceLocation(target.toString(), 1, 1, start), target, targetDir);
            new Scanner(included, targetDir, depth + 1).run();
        }

        private void lineDirective(SourceLocation start) {
            String rest = restOfLine().trim();
            String[] parts = rest.split("\\s+");
            try {
                int newLine = Integer.parseInt(parts[0]);
                String file = here().file();
                if (parts.length > 1 && parts[1].startsWith("\"") && parts[1].endsWith("\"") && parts[1].length() >= 2) {
                    file = parts[1].substring(1, parts[1].length() - 1);
                }
                if (pos < text.length()) {
                    out.append('\n');
                    advance();
                }
                // The lines after it are numbered from newLine on, in the named file.
                lineFile = file;
                lineDelta += newLine - here().line();
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new RdlException(start, "bad `line directive: expected `line NUMBER \"file\" LEVEL");
            }
        }

        private void expand(String name, SourceLocation start) {
            Macro m = macros.get(name);
            if (m == null) {
                throw new RdlException(start, "macro '" + name + "' is not defined (expected a `define before use)");
            }
            List<String> actuals = List.of();
            if (m.takesArguments()) {
                int save = pos;
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    emit(text.charAt(pos) == '\n' ? '\n' : ' ');
                    advance();
                }
                if (pos >= text.length() || text.charAt(pos) != '(') {
                    pos = save;
                    throw new RdlException(start, "macro '" + name + "' takes arguments: expected '('");
                }
                actuals = actualArguments(name);
            }
            String expansion = m.expand(actuals, start);
            // The expansion is made text: every position in it is the macro's use, where an error in it is shown.
            SourceText made = new SourceText(expansion, List.of(new SourceText.Mark(0, start, true)));
            new Scanner(made, dir, depth + 1).run();
        }

        /** The raw arguments between the parentheses at pos, split at top-level commas; nested macros stay as text. */
        private List<String> actualArguments(String name) {
            int open = pos;
            int close = closingParenthesis(open, "argument list of macro '" + name + "'");
            // Newlines in the arguments are kept in the output here, so they must not come again in the expansion.
            List<String> args = Macro.splitArguments(text.substring(open + 1, close).replace('\n', ' '));
            while (pos <= close) {
                if (text.charAt(pos) == '\n') {
                    out.append('\n');
                }
                advance();
            }
            return args;
        }
    }

    /** One open `ifdef: whether its enclosing text is live, whether a branch was taken, the current branch. */
    private static final class Cond {
        final boolean parentActive;
        boolean active;
        boolean taken;
        boolean sawElse;
        final SourceLocation where;

        Cond(boolean parentActive, boolean active, boolean taken, boolean sawElse, SourceLocation where) {
            this.parentActive = parentActive;
            this.active = active;
            this.taken = taken;
            this.sawElse = sawElse;
            this.where = where;
        }
    }
}
