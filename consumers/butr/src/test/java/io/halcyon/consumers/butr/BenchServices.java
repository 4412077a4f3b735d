package io.halcyon.consumers.butr;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.platform.emulation.EmulationBus;

/** What the framework would hand the register-test components for an emulated chip 0: its bus, platform and block maps. */
final class BenchServices {

    private BenchServices() {
    }

    /** Chip 0's services, each block's map registered in address order (service ids 1, 2, ...). */
    static ChipServices chip0(EmulatedChipBench bench) {
        ChipServices services = new ChipServices();
        Map<String, Object> chip0 = Map.of("halcyon.chip", "0");
        services.addBus(new EmulationBus(bench.chip), chip0);
        services.addPlatform(new Platform(), chip0);
        long serviceId = 1;
        for (BlockUnderTest b : bench.blocks) {
            services.addBlock(new Description(b), Map.of("halcyon.chip", "0", "service.id", serviceId++));
        }
        return services;
    }

    /** A block's register map as a block bundle publishes it. */
    record Description(BlockUnderTest b) implements HardwareBlock {
        @Override
        public String name() {
            return b.name();
        }

        @Override
        public String description() {
            return b.name();
        }

        @Override
        public long baseAddress() {
            return b.base();
        }

        @Override
        public List<RegisterInfo> registers() {
            return b.registers();
        }

        @Override
        public List<MemoryInfo> memories() {
            return b.memories();
        }
    }

    /** The emulation platform's information. */
    record Platform() implements PlatformInfo {
        @Override
        public PlatformKind kind() {
            return PlatformKind.EMULATION;
        }

        @Override
        public int chipInstance() {
            return 0;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public Set<PlatformCapability> capabilities() {
            return EnumSet.noneOf(PlatformCapability.class);
        }
    }
}
