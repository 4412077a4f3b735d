package io.halcyon.platform.emulation.regfile;

/** Software access of a field (SystemRDL 2.0 {@code sw}), reduced to what a bus access needs to know. */
public enum SwAccess {
    RW(true, true, false),
    R(true, false, false),
    W(false, true, false),
    /** Readable; only the first write after reset takes effect. */
    RW1(true, true, true),
    /** Write-only; only the first write after reset takes effect. */
    W1(false, true, true),
    NA(false, false, false);

    private final boolean readable;
    private final boolean writable;
    private final boolean writeOnce;

    SwAccess(boolean readable, boolean writable, boolean writeOnce) {
        this.readable = readable;
        this.writable = writable;
        this.writeOnce = writeOnce;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean writeOnce() {
        return writeOnce;
    }

    /** The SystemRDL keyword (rw, r, w, rw1, w1, na); null means rw, the standard's default. */
    public static SwAccess of(String keyword) {
        return keyword == null ? RW : valueOf(keyword.toUpperCase(java.util.Locale.ROOT));
    }
}
