package io.halcyon.rdl.compiler.ipxact;

import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.Locale;
import java.util.Map;

/**
 * The integer values of IP-XACT: 1685-2009's scaled integers ({@code 4096}, {@code 0x1000},
 * {@code #1000}, {@code 4K}) and 1685-2014's SystemVerilog constant expressions over literals
 * ({@code 'h1F}, {@code 8'd3}) and parameters ({@code 4 * (2 ** 10)}, {@code ('h0) / $pow(2,8) % $pow(2,24)},
 * {@code width}): {@code + - * / % ** << >> & | ^ ~}, parentheses, {@code $pow} and {@code $clog2}.
 * Anything else is an error at the element that holds it.
 */
final class IpxactExpression {

    private final String text;
    private final Map<String, Long> parameters;
    private final SourceLocation at;
    private int pos;

    private IpxactExpression(String text, Map<String, Long> parameters, SourceLocation at) {
        this.text = text;
        this.parameters = parameters;
        this.at = at;
    }

    /** The value of {@code text}; parameters by name or id; {@code at} is the element, for errors. */
    static long evaluate(String text, Map<String, Long> parameters, SourceLocation at) {
        IpxactExpression e = new IpxactExpression(text.strip(), parameters, at);
        if (e.text.isEmpty()) {
            throw new RdlException(at, "empty value (expected a number or an expression)");
        }
        long v = e.or();
        e.blanks();
        if (e.pos < e.text.length()) {
            throw e.error("unexpected '" + e.text.substring(e.pos) + "'");
        }
        return v;
    }

    private RdlException error(String what) {
        return new RdlException(at, "cannot evaluate '" + text + "': " + what
                + " (supported: integer literals, parameters, + - * / % ** << >> & | ^ ~, $pow, $clog2)");
    }

    private void blanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean take(String op) {
        blanks();
        if (text.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    /** An operator that is not the start of a longer one ({@code *} but not {@code **}). */
    private boolean takeAlone(String op, String longer) {
        blanks();
        if (text.startsWith(op, pos) && !text.startsWith(longer, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private long or() {
        long v = xor();
        while (takeAlone("|", "||")) {
            v |= xor();
        }
        return v;
    }

    private long xor() {
        long v = and();
        while (take("^")) {
            v ^= and();
        }
        return v;
    }

    private long and() {
        long v = shift();
        while (takeAlone("&", "&&")) {
            v &= shift();
        }
        return v;
    }

    private long shift() {
        long v = add();
        while (true) {
            if (take("<<")) {
                v <<= add();
            } else if (take(">>")) {
                v >>>= add();
            } else {
                return v;
            }
        }
    }

    private long add() {
        long v = mul();
        while (true) {
            if (take("+")) {
                v += mul();
            } else if (take("-")) {
                v -= mul();
            } else {
                return v;
            }
        }
    }

    private long mul() {
        long v = pow();
        while (true) {
            if (takeAlone("*", "**")) {
                v *= pow();
            } else if (take("/")) {
                long d = pow();
                if (d == 0) {
                    throw error("division by zero");
                }
                v /= d;
            } else if (take("%")) {
                long d = pow();
                if (d == 0) {
                    throw error("division by zero");
                }
                v %= d;
            } else {
                return v;
            }
        }
    }

    private long pow() {
        long base = unary();
        return take("**") ? power(base, pow()) : base;
    }

    private static long power(long base, long exponent) {
        long r = 1;
        for (long i = 0; i < exponent; i++) {
            r *= base;
        }
        return r;
    }

    private long unary() {
        if (take("-")) {
            return -unary();
        }
        if (take("~")) {
            return ~unary();
        }
        if (take("+")) {
            return unary();
        }
        return primary();
    }

    private long primary() {
        blanks();
        if (take("(")) {
            long v = or();
            expect(")");
            return v;
        }
        if (take("$pow")) {
            expect("(");
            long b = or();
            expect(",");
            long e = or();
            expect(")");
            return power(b, e);
        }
        if (take("$clog2")) {
            expect("(");
            long v = or();
            expect(")");
            return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            Long v = parameters.get(name);
            if (v == null) {
                throw error("no parameter '" + name + "' (expected a parameter of the component or address block)");
            }
            return v;
        }
        return number();
    }

    private void expect(String s) {
        if (!take(s)) {
            throw error("expected '" + s + "'");
        }
    }

    private long number() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_'#".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String literal = text.substring(start, pos).replace("_", "");
        if (literal.isEmpty()) {
            throw error("expected a number");
        }
        try {
            return literal(literal);
        } catch (NumberFormatException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private static long literal(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        int tick = lower.indexOf('\'');
        if (tick >= 0) {
            String digits = lower.substring(tick + 2);
            char base = lower.charAt(tick + 1) == 's' ? lower.charAt(tick + 2) : lower.charAt(tick + 1);
            if (lower.charAt(tick + 1) == 's') {
                digits = lower.substring(tick + 3);
            }
            return Long.parseUnsignedLong(digits, switch (base) {
                case 'h' -> 16;
                case 'b' -> 2;
                case 'o' -> 8;
                case 'd' -> 10;
                default -> throw new NumberFormatException(s);
            });
        }
        if (lower.startsWith("0x")) {
            return Long.parseUnsignedLong(lower.substring(2), 16);
        }
        if (lower.startsWith("#")) {
            return Long.parseUnsignedLong(lower.substring(1), 16);
        }
        // 1685-2009 scaledNonNegativeInteger: K, M, G, T multiply by powers of 1024.
        int scale = "kmgt".indexOf(lower.charAt(lower.length() - 1)) + 1;
        String digits = scale > 0 ? lower.substring(0, lower.length() - 1) : lower;
        return Long.parseUnsignedLong(digits) << (10 * scale);
    }
}
