package io.halcyon.rdl.compiler.ast;

/** The component types of SystemRDL, plus the root scope. */
public enum CompKind {
    ROOT, ADDRMAP, REGFILE, REG, FIELD, MEM, SIGNAL;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CompKind fromKeyword(String s) {
        return switch (s) {
            case "addrmap" -> ADDRMAP;
            case "regfile" -> REGFILE;
            case "reg" -> REG;
            case "field" -> FIELD;
            case "mem" -> MEM;
            case "signal" -> SIGNAL;
            default -> null;
        };
    }

    public boolean addressable() {
        return this == ADDRMAP || this == REGFILE || this == REG || this == MEM;
    }
}
