/**
 * SystemVerilog register blocks generated from chip-model values (the ones the emulation builds its
 * chips from), in the manner of PeakRDL-regblock: one module per block type (decoded request strobes,
 * field storage with next-value logic from a table of field kinds, a read mux, hardware-side ports,
 * external memories as a request/acknowledge interface), per chip map a core that decodes the block
 * windows and answers unmapped addresses with an error, APB4 and AXI4-Lite slave wrappers around it, and
 * a C++ header that binds the hardware-side ports to field paths for the simulator's behaviour models.
 * {@link io.halcyon.rdl.rtl.RtlGeneration} runs them as the {@code rdl:chip-rtl} goal does.
 */
package io.halcyon.rdl.rtl;
