package io.halcyon.launcher.rtlbutr;

import io.halcyon.launcher.rtlbutr.TopPorts.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of a module's ports are its clock, its reset and each signal of its APB4 or AXI4-Lite slave port,
 * found by name: the bus signals under one of the usual prefixes ({@code s_apb_paddr}, {@code apb_paddr},
 * {@code paddr}; {@code s_axil_awaddr}, {@code s_axi_awaddr}, {@code awaddr}; any case, with or without an
 * {@code _i}/{@code _o} suffix), the clock an input named like {@code clk}, {@code pclk}, {@code aclk},
 * the reset one named like {@code rst}, {@code reset}, {@code presetn}, {@code rst_ni} (active low when the
 * name ends in {@code n}, {@code _n}, {@code _ni} or {@code _b}). Every other input is a hardware-side
 * input, held at zero by the wrapper.
 */
record SlavePort(Bus bus, Map<Bus.Signal, Port> signals, Port clock, Port reset, boolean resetActiveLow, int addressBits,
        List<Port> heldInputs, List<Port> otherOutputs) {

    /** The module's ports do not make the slave port the harness needs; the message names what is missing. */
    static final class PortException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PortException(String message) {
            super(message);
        }
    }

    static SlavePort find(String top, Bus bus, List<Port> ports) {
        String prefix = bestPrefix(bus, ports);
        Map<Bus.Signal, Port> found = new LinkedHashMap<>();
        List<Port> used = new ArrayList<>();
        for (Bus.Signal s : bus.signals) {
            Optional<Port> p = named(ports, prefix + s.name());
            if (p.isEmpty()) {
                if (s.required()) {
                    throw new PortException("top module " + top + " has no " + bus.label + " " + s.name() + " port: looked for "
                            + prefix + s.name() + " (" + (prefix.isEmpty() ? "no prefix" : "the prefix of its other bus ports")
                            + "), also with _i/_o and in any case; its ports: " + names(ports));
                }
                continue;
            }
            check(top, s, p.get());
            found.put(s, p.get());
            used.add(p.get());
        }
        Port clock = single(top, ports, used, "clock", List.of("clk", "clock", "pclk", "aclk", "clk_i", "s_axil_aclk", "s_apb_pclk"));
        used.add(clock);
        Port reset = single(top, ports, used, "reset", List.of("rst", "reset", "rst_n", "rstn", "rst_ni", "resetn", "reset_n", "presetn",
                "aresetn", "arst_n", "rst_i", "s_axil_aresetn", "s_apb_presetn"));
        used.add(reset);
        int addressBits = found.entrySet().stream().filter(e -> e.getKey().address()).mapToInt(e -> e.getValue().width()).max().orElse(0);
        List<Port> held = ports.stream().filter(p -> p.input() && !used.contains(p)).toList();
        List<Port> outputs = ports.stream().filter(p -> !p.input() && !used.contains(p)).toList();
        return new SlavePort(bus, found, clock, reset, activeLow(reset.name()), addressBits, held, outputs);
    }

    /** The prefix under which the most of the bus's signals are found (the address decides a tie). */
    private static String bestPrefix(Bus bus, List<Port> ports) {
        String best = bus.prefixes.get(bus.prefixes.size() - 1);
        long bestCount = 0;
        for (String prefix : bus.prefixes) {
            long count = bus.signals.stream().filter(s -> named(ports, prefix + s.name()).isPresent()).count();
            if (count > bestCount) {
                best = prefix;
                bestCount = count;
            }
        }
        return best;
    }

    private static Optional<Port> named(List<Port> ports, String name) {
        for (String n : List.of(name, name + "_i", name + "_o")) {
            for (Port p : ports) {
                if (p.name().equalsIgnoreCase(n)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static void check(String top, Bus.Signal s, Port p) {
        if (s.input() != p.input()) {
            throw new PortException("top module " + top + ": " + p.name() + " (" + s.name() + ") is an " + p.direction() + "; a slave's "
                    + s.name() + " is an " + (s.input() ? "input" : "output"));
        }
        if (s.address() ? p.width() < 1 || p.width() > 32 : p.width() != s.width()) {
            throw new PortException("top module " + top + ": " + p.name() + " (" + s.name() + ") is " + p.width() + " bits wide; the harness's "
                    + (s.address() ? "address is at most 32 bits" : s.name() + " is " + s.width() + (s.width() == 32 ? " (a 32-bit data bus)" : "")));
        }
    }

    private static Port single(String top, List<Port> ports, List<Port> used, String what, List<String> names) {
        List<Port> candidates = ports.stream().filter(p -> p.input() && p.width() == 1 && !used.contains(p)
                && names.stream().anyMatch(n -> p.name().equalsIgnoreCase(n))).toList();
        if (candidates.size() != 1) {
            throw new PortException("top module " + top + ": " + (candidates.isEmpty() ? "no " + what + " input" : "more than one " + what
                    + " input (" + names(candidates) + ")") + " (looked for " + String.join(", ", names) + "; its ports: " + names(ports) + ")");
        }
        return candidates.get(0);
    }

    static boolean activeLow(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("_i")) {
            n = n.substring(0, n.length() - 2);
        }
        return n.endsWith("n") || n.endsWith("_ni") || n.endsWith("_b");
    }

    private static String names(List<Port> ports) {
        return ports.stream().map(Port::name).collect(Collectors.joining(", "));
    }
}
