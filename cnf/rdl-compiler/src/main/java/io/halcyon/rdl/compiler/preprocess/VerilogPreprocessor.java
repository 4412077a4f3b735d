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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SystemVerilog-style pass of SystemRDL 2.0 (clause 16.3): `include, `define (with arguments),
 * `undef, `ifdef/`ifndef/`elsif/`else/`endif and `line. Each file given to {@link #process} starts
 * with no macros, as in the reference compiler. Newlines in skipped text are kept so that line
 * numbers stay right; every jump (include, expansion, directive) leaves a {@link SourceText.Mark}.
 */
public final class VerilogPreprocessor {

    private static final int MAX_DEPTH = 64;

    private final List<Path> includeDirs;
    private final PerlPreprocessor perl;
    private final Map<String, Macro> macros = new HashMap<>();
    private final SourceTextBuilder out = new SourceTextBuilder();

    record Macro(String name, List<String> params, List<String> defaults, String body) {
    }

    public VerilogPreprocessor(List<Path> includeDirs, PerlPreprocessor perl) {
        this.includeDirs = List.copyOf(includeDirs);
        this.perl = perl;
    }

    /** Preprocesses one top-level file (Perl pass first, then this pass). */
    public SourceText process(Path file) {
        String text = readWithPerl(file, SourceLocation.UNKNOWN);
        new Scanner(text, display(file), file.toAbsolutePath().getParent(), 1, 1, 0).run();
        return out.build();
    }

    /** Preprocesses text that has no file (tests, generated input). */
    public SourceText processText(String text, String name) {
        String t = PerlPreprocessor.needed(text) && perl != null ? perl.process(text, name) : text;
        new Scanner(t, name, Path.of("").toAbsolutePath(), 1, 1, 0).run();
        return out.build();
    }

    private static String display(Path file) {
        return file.toString();
    }

    private String readWithPerl(Path file, SourceLocation from) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RdlException(from == SourceLocation.UNKNOWN ? new SourceLocation(display(file), 1, 1) : from,
                    "cannot read file '" + file + "': " + e.getMessage());
        }
        if (perl != null && PerlPreprocessor.needed(text)) {
            text = perl.process(text, display(file));
        }
        return text;
    }

    /** Scans one piece of text (a file or a macro expansion). */
    private final class Scanner {
        private final String text;
        private String file;
        private final Path dir;
        private final int depth;
        private int pos;
        private int line;
        private int col;
        private final Deque<Cond> conds = new ArrayDeque<>();

        Scanner(String text, String file, Path dir, int line, int col, int depth) {
            this.text = text;
            this.file = file;
            this.dir = dir;
            this.line = line;
            this.col = col;
            this.depth = depth;
        }

        private boolean active() {
            return conds.isEmpty() || conds.peek().active;
        }

        private SourceLocation here() {
            return new SourceLocation(file, line, col);
        }

        private RdlException error(String msg) {
            return new RdlException(here(), msg);
        }

        void run() {
            if (depth > MAX_DEPTH) {
                throw error("include or macro nesting deeper than " + MAX_DEPTH + " (recursive `include or `define?)");
            }
            out.mark(file, line, col);
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    out.append('\n');
                    advance();
                } else if (text.startsWith("//", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        emitIfActive(text.charAt(pos));
                        advance();
                    }
                } else if (text.startsWith("/*", pos)) {
                    copyUntil("*/", "unterminated comment: expected '*/'");
                } else if (c == '"') {
                    copyString();
                } else if (c == '`') {
                    directive();
                } else {
                    emitIfActive(c);
                    advance();
                }
            }
            if (!conds.isEmpty()) {
                throw new RdlException(conds.peek().where, "`ifdef/`ifndef without matching `endif");
            }
        }

        private void emitIfActive(char c) {
            if (active()) {
                out.append(c);
            }
        }

        private void advance() {
            if (text.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }

        /** Copies (or, when inactive, skips while keeping newlines) up to and including the terminator. */
        private void copyUntil(String terminator, String unterminatedMessage) {
            SourceLocation start = here();
            int end = text.indexOf(terminator, pos + 2);
            if (end < 0) {
                throw new RdlException(start, unterminatedMessage);
            }
            end += terminator.length();
            while (pos < end) {
                char ch = text.charAt(pos);
                if (active() || ch == '\n') {
                    out.append(ch);
                }
                advance();
            }
        }

        private void copyString() {
            SourceLocation start = here();
            emitIfActive('"');
            advance();
            while (true) {
                if (pos >= text.length()) {
                    throw new RdlException(start, "unterminated string literal: expected '\"'");
                }
                char ch = text.charAt(pos);
                if (ch == '\\' && pos + 1 < text.length()) {
                    emitIfActive(ch);
                    advance();
                    char next = text.charAt(pos);
                    if (active() || next == '\n') {
                        out.append(next);
                    }
                    advance();
                    continue;
                }
                if (active() || ch == '\n') {
                    out.append(ch);
                }
                advance();
                if (ch == '"') {
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
            out.mark(file, line, col);
        }

        private Cond requireCond(SourceLocation at, String directive) {
            if (conds.isEmpty()) {
                throw new RdlException(at, "`" + directive + " without a preceding `ifdef or `ifndef");
            }
            return conds.peek();
        }

        private void define() {
            String name = requireName("define");
            List<String> params = null;
            List<String> defaults = null;
            if (pos < text.length() && text.charAt(pos) == '(') {
                params = new ArrayList<>();
                defaults = new ArrayList<>();
                advance();
                while (true) {
                    skipSpace();
                    String p = identifier();
                    if (p.isEmpty()) {
                        throw error("bad `define parameter list for '" + name + "': expected a parameter name");
                    }
                    skipSpace();
                    String dflt = null;
                    if (pos < text.length() && text.charAt(pos) == '=') {
                        advance();
                        int s = pos;
                        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                            advance();
                        }
                        dflt = text.substring(s, pos).trim();
                    }
                    params.add(p);
                    defaults.add(dflt);
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        advance();
                        continue;
                    }
                    if (pos < text.length() && text.charAt(pos) == ')') {
                        advance();
                        break;
                    }
                    throw error("bad `define parameter list for '" + name + "': expected ',' or ')'");
                }
            }
            StringBuilder body = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '\n') {
                char ch = text.charAt(pos);
                if (ch == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\n' || text.charAt(pos + 1) == '\r')) {
                    advance();
                    if (text.charAt(pos) == '\r') {
                        advance();
                    }
                    // Continuation lines: keep the newline in the output so later lines stay aligned.
                    out.append('\n');
                    advance();
                    body.append(' ');
                    continue;
                }
                if (text.startsWith("//", pos)) {
                    restOfLine();
                    break;
                }
                body.append(ch);
                advance();
            }
            macros.put(name, new Macro(name, params, defaults, body.toString().trim()));
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                if (text.charAt(pos) == '\n') {
                    out.append('\n');
                }
                advance();
            }
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
            Path target = resolveInclude(name);
            if (target == null) {
                throw new RdlException(start, "cannot find `include file '" + name + "' (searched " + dir
                        + (includeDirs.isEmpty() ? "" : " and " + includeDirs) + ")");
            }
            String included = readWithPerl(target, start);
            new Scanner(included, display(target), target.toAbsolutePath().getParent(), 1, 1, depth + 1).run();
        }

        private Path resolveInclude(String name) {
            Path p = Path.of(name);
            if (p.isAbsolute()) {
                return Files.isRegularFile(p) ? p : null;
            }
            Path local = dir.resolve(name).normalize();
            if (Files.isRegularFile(local)) {
                return local;
            }
            for (Path d : includeDirs) {
                Path candidate = d.resolve(name).normalize();
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private void lineDirective(SourceLocation start) {
            String rest = restOfLine().trim();
            String[] parts = rest.split("\\s+");
            try {
                int newLine = Integer.parseInt(parts[0]);
                if (parts.length > 1 && parts[1].startsWith("\"") && parts[1].endsWith("\"") && parts[1].length() >= 2) {
                    file = parts[1].substring(1, parts[1].length() - 1);
                }
                if (pos < text.length()) {
                    out.append('\n');
                    pos++;
                }
                line = newLine;
                col = 1;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new RdlException(start, "bad `line directive: expected `line NUMBER \"file\" LEVEL");
            }
        }

        private void expand(String name, SourceLocation start) {
            Macro m = macros.get(name);
            if (m == null) {
                throw new RdlException(start, "macro '" + name + "' is not defined (expected a `define before use)");
            }
            String body = m.body;
            if (m.params != null) {
                int save = pos;
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != '(') {
                    pos = save;
                    throw error("macro '" + name + "' takes arguments: expected '('");
                }
                List<String> actuals = actualArguments(name);
                body = substitute(m, actuals, start);
            }
            new Scanner(body, file, dir, start.line(), start.column(), depth + 1).run();
        }

        private List<String> actualArguments(String name) {
            SourceLocation start = here();
            advance(); // '('
            List<String> args = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            int nest = 0;
            while (true) {
                if (pos >= text.length()) {
                    throw new RdlException(start, "unterminated argument list of macro '" + name + "': expected ')'");
                }
                char ch = text.charAt(pos);
                if (ch == '"') {
                    int s = pos;
                    advance();
                    while (pos < text.length() && text.charAt(pos) != '"') {
                        if (text.charAt(pos) == '\\') {
                            advance();
                        }
                        advance();
                    }
                    advance();
                    cur.append(text, s, Math.min(pos, text.length()));
                    continue;
                }
                if (ch == '(' || ch == '{' || ch == '[') {
                    nest++;
                } else if (ch == ')' || ch == '}' || ch == ']') {
                    if (nest == 0 && ch == ')') {
                        advance();
                        args.add(cur.toString().trim());
                        return args;
                    }
                    nest--;
                } else if (ch == ',' && nest == 0) {
                    args.add(cur.toString().trim());
                    cur.setLength(0);
                    advance();
                    continue;
                }
                if (ch == '\n') {
                    out.append('\n');
                    cur.append(' ');
                } else {
                    cur.append(ch);
                }
                advance();
            }
        }

        private String substitute(Macro m, List<String> actuals, SourceLocation at) {
            if (actuals.size() > m.params.size() || (actuals.size() == 1 && actuals.get(0).isEmpty() && m.params.isEmpty())) {
                if (!(m.params.isEmpty() && actuals.size() == 1 && actuals.get(0).isEmpty())) {
                    throw new RdlException(at, "macro '" + m.name + "' takes " + m.params.size() + " arguments but got " + actuals.size());
                }
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < m.params.size(); i++) {
                String v = i < actuals.size() && !actuals.get(i).isEmpty() ? actuals.get(i) : m.defaults.get(i);
                if (v == null) {
                    throw new RdlException(at, "macro '" + m.name + "' is missing a value for argument '" + m.params.get(i) + "'");
                }
                values.put(m.params.get(i), v);
            }
            StringBuilder sb = new StringBuilder();
            String b = m.body;
            int i = 0;
            while (i < b.length()) {
                char ch = b.charAt(i);
                if (b.startsWith("``", i)) {
                    i += 2; // token paste: the two sides simply join
                } else if (b.startsWith("`\"", i)) {
                    sb.append('"');
                    i += 2;
                } else if (ch == '"') {
                    int e = i + 1;
                    while (e < b.length() && b.charAt(e) != '"') {
                        e += b.charAt(e) == '\\' ? 2 : 1;
                    }
                    e = Math.min(e + 1, b.length());
                    sb.append(b, i, e);
                    i = e;
                } else if (Character.isLetter(ch) || ch == '_') {
                    int e = i;
                    while (e < b.length() && (Character.isLetterOrDigit(b.charAt(e)) || b.charAt(e) == '_')) {
                        e++;
                    }
                    String word = b.substring(i, e);
                    boolean macroName = i > 0 && b.charAt(i - 1) == '`';
                    sb.append(!macroName && values.containsKey(word) ? values.get(word) : word);
                    i = e;
                } else {
                    sb.append(ch);
                    i++;
                }
            }
            return sb.toString();
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
