package io.halcyon.rdl.compiler.parse;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;
import io.halcyon.rdl.compiler.preprocess.SourceCursor;
import io.halcyon.rdl.compiler.preprocess.SourceText;

import java.util.ArrayList;
import java.util.List;

/** Turns preprocessed text into tokens, each located in its original file. */
public final class Lexer {

    private static final String[] PUNCT = {
        "->", "+=", "%=", "::", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "~&", "~|", "~^", "^~",
        "{", "}", "[", "]", "(", ")", ";", ",", ".", "=", ":", "@", "#", "'", "?", "+", "-", "*", "/", "%",
        "&", "|", "^", "~", "!", "<", ">",
    };

    private final String text;
    private final SourceCursor cursor;
    private int pos;

    public Lexer(SourceText source) {
        this.text = source.text();
        this.cursor = new SourceCursor(source);
    }

    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipTrivia();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", locate(pos), 0, -1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private SourceLocation locate(int offset) {
        return cursor.locate(offset);
    }

    private void skipTrivia() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new RdlException(locate(pos), "unterminated comment: expected '*/'");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        SourceLocation loc = locate(start);
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && isIdChar(text.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.ID, text.substring(start, pos), loc, 0, -1);
        }
        if (c == '\\' && pos + 1 < text.length() && (Character.isLetter(text.charAt(pos + 1)) || text.charAt(pos + 1) == '_')) {
            // Escaped identifier: \rw names a field "rw" even though rw is a keyword.
            pos++;
            while (pos < text.length() && isIdChar(text.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.ID, text.substring(start + 1, pos), loc, 0, -1);
        }
        if (Character.isDigit(c)) {
            return number(loc);
        }
        if (c == '"') {
            return string(loc);
        }
        for (String p : PUNCT) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Token.Kind.PUNCT, p, loc, 0, -1);
            }
        }
        throw new RdlException(loc, "unexpected character '" + c + "'");
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private Token number(SourceLocation loc) {
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            int ds = pos;
            while (pos < text.length() && (Character.digit(text.charAt(pos), 16) >= 0 || text.charAt(pos) == '_')) {
                pos++;
            }
            String digits = text.substring(ds, pos).replace("_", "");
            if (digits.isEmpty()) {
                throw new RdlException(loc, "malformed hex number: expected hex digits after 0x");
            }
            return new Token(Token.Kind.NUMBER, text.substring(start, pos), loc, parse(digits, 16, loc), -1);
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String dec = text.substring(start, pos).replace("_", "");
        if (pos + 1 < text.length() && text.charAt(pos) == '\'' && "bBoOdDhH".indexOf(text.charAt(pos + 1)) >= 0) {
            int width = Integer.parseInt(dec);
            char base = Character.toLowerCase(text.charAt(pos + 1));
            pos += 2;
            int ds = pos;
            int radix = switch (base) {
                case 'b' -> 2;
                case 'o' -> 8;
                case 'd' -> 10;
                default -> 16;
            };
            while (pos < text.length() && (Character.digit(text.charAt(pos), radix) >= 0 || text.charAt(pos) == '_')) {
                pos++;
            }
            String digits = text.substring(ds, pos).replace("_", "");
            if (digits.isEmpty()) {
                throw new RdlException(loc, "malformed Verilog-style number: expected digits after base");
            }
            if (width == 0) {
                throw new RdlException(loc, "Verilog-style number must have a width greater than 0");
            }
            long value = parse(digits, radix, loc);
            if (width < 64 && (value >>> width) != 0) {
                throw new RdlException(loc, "value of '" + text.substring(start, pos) + "' does not fit in " + width + " bits");
            }
            return new Token(Token.Kind.NUMBER, text.substring(start, pos), loc, value, width);
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, pos), loc, parse(dec, 10, loc), -1);
    }

    private static long parse(String digits, int radix, SourceLocation loc) {
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new RdlException(loc, "number '" + digits + "' does not fit in 64 bits");
        }
    }

    private Token string(SourceLocation loc) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new RdlException(loc, "unterminated string literal: expected '\"'");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, sb.toString(), loc, 0, -1);
            }
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                sb.append(text.charAt(pos++));
            } else {
                sb.append(c);
            }
        }
    }
}
