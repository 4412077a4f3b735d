package io.halcyon.rdl.rtl;

/**
 * One port of a register block's hardware side: {@code hwo_...} (a field's value, a register's write
 * pulse), {@code hwi_...} (a field's load or increment) or {@code ext_...} (an external memory's
 * request/acknowledge). The chip top carries the same port with the block instance's name after the
 * prefix ({@code hwo_dma_CTRL_ENABLE} for the block's {@code hwo_CTRL_ENABLE}).
 */
record HardwarePort(boolean input, int width, String name) {

    /** The port as the chip top names it for block instance {@code instance}. */
    String of(String instance) {
        int cut = name.indexOf('_') + 1;
        return name.substring(0, cut) + instance + "_" + name.substring(cut);
    }

    /** The SystemVerilog declaration of a port called {@code portName}, with its trailing comma. */
    String declaration(String portName) {
        return "    " + (input ? "input  logic " : "output logic ") + RtlNames.range(width) + portName + ",\n";
    }
}
