package io.halcyon.hal.api.regmap;

/** SystemRDL 2.0 access types ({@code sw} and {@code hw} properties). */
public enum Access {
    RW("rw"), R("r"), W("w"), RW1("rw1"), W1("w1"), NA("na");

    private final String rdlName;

    Access(String rdlName) {
        this.rdlName = rdlName;
    }

    /** The name the standard uses, e.g. {@code rw1}. */
    public String rdlName() {
        return rdlName;
    }

    public boolean readable() {
        return this == RW || this == R || this == RW1;
    }

    public boolean writable() {
        return this == RW || this == W || this == RW1 || this == W1;
    }
}
