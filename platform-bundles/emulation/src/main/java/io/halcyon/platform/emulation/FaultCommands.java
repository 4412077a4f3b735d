package io.halcyon.platform.emulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.platform.emulation.model.RegisterFaults;

/**
 * {@code emu:fault [--chip N]}: injects register faults into an in-process emulated chip (default 0), so that register
 * tests can be shown to catch them from the shell, e.g.
 * {@code halcyon run 'emu:fault stuck-at 0x0000000c 3 1; hal:butr --all'}. Faults last until
 * {@code emu:fault clear} or the host stops. A chip in another process (halcyon.chip.socket) is not
 * reachable from here.
 */
@Component(service = Object.class, property = {"osgi.command.scope=emu", "osgi.command.function=fault"})
public class FaultCommands {

    static final String USAGE = "usage: emu:fault [--chip N] stuck-at ADDRESS BIT 0|1 | wrong-reset ADDRESS MASK VALUE"
            + " | alias ADDRESS ALSO_WRITES_ADDRESS | dropped-write ADDRESS | bus-error ADDRESS | w1c-as-rw ADDRESS BIT"
            + " | pll-never-locks CORE|HBM | hbm-training-fails | ecc-errors CORRECTED UNCORRECTED | list | clear";

    @Reference(service = RegisterBus.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(halcyon.platform=emulation)")
    private volatile List<Map.Entry<Map<String, Object>, RegisterBus>> buses;

    public String fault(String... arguments) {
        String[] args = arguments;
        int chipNumber = 0;
        if (args.length >= 2 && args[0].equals("--chip")) {
            chipNumber = (int) number(args, 1);
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        RegisterBus bus = busOf(chipNumber);
        if (!(bus instanceof EmulationBus emulation)) {
            throw new IllegalStateException(bus == null ? "chip " + chipNumber + " is not an emulated chip of this host"
                    : "chip " + chipNumber + " is not in this process (a chip server's faults are not reachable from here)");
        }
        Object chip = emulation.chip();
        synchronized (chip) {
            RegisterFaults faults = emulation.chip().registerFaults();
            switch (args[0]) {
                case "stuck-at" -> faults.stuckAt(number(args, 1), (int) number(args, 2), (int) bit(args, 3));
                case "wrong-reset" -> faults.wrongReset(number(args, 1), number(args, 2), number(args, 3));
                case "alias" -> faults.alias(number(args, 1), number(args, 2));
                case "dropped-write" -> faults.dropWrites(number(args, 1));
                case "bus-error" -> faults.busError(number(args, 1));
                case "w1c-as-rw" -> faults.w1cAsRw(number(args, 1), (int) number(args, 2));
                // Behaviour faults: the hardware misbehaves rather than a register (bring-up failure paths).
                case "pll-never-locks" -> emulation.chip().faults().pllNeverLocks(pll(args));
                case "hbm-training-fails" -> emulation.chip().faults().hbmTrainingFails();
                case "ecc-errors" -> emulation.chip().faults().eccErrors((int) number(args, 1), (int) number(args, 2));
                case "clear" -> {
                    faults.clear();
                    emulation.chip().faults().clear();
                }
                case "list" -> { }
                default -> throw new IllegalArgumentException("unknown fault '" + args[0] + "'; " + USAGE);
            }
            if (BEHAVIOUR_FAULTS.contains(args[0])) {
                return "injected " + String.join(" ", args) + "\n";
            }
            return faults.list().isEmpty() ? "no faults injected\n"
                    : faults.list().stream().map(RegisterFaults.Fault::describe).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    /** The register bus of emulated chip {@code chip}, or null. */
    private RegisterBus busOf(int chip) {
        List<Map.Entry<Map<String, Object>, RegisterBus>> all = buses;
        for (Map.Entry<Map<String, Object>, RegisterBus> e : all == null ? List.<Map.Entry<Map<String, Object>, RegisterBus>>of() : all) {
            if (String.valueOf(chip).equals(String.valueOf(e.getKey().get(ChipProperties.CHIP)))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static final java.util.Set<String> BEHAVIOUR_FAULTS = java.util.Set.of("pll-never-locks", "hbm-training-fails", "ecc-errors");

    private static Pll pll(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("missing PLL for pll-never-locks (CORE or HBM); " + USAGE);
        }
        try {
            return Pll.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown PLL '" + args[1] + "' (CORE or HBM)");
        }
    }

    private static long bit(String[] args, int i) {
        long v = number(args, i);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("stuck-at value must be 0 or 1, was " + args[i]);
        }
        return v;
    }

    private static long number(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing argument " + i + " for " + args[0] + "; " + USAGE);
        }
        String t = args[i].replace("_", "").toLowerCase();
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + args[i] + "' (decimal or 0x hex)");
        }
    }
}
