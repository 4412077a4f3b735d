package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** The generated configuration type and HardwareBlock component of a block bundle. */
public class BlockComponentTest {

    @Test
    public void configurationCarriesThePidAndTheChipBaseAsDefault() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs", 0x6_0000L);
        Class<?> config = code.type("BlkConfig");
        assertEquals("test.comp", config.getField("PID").get(null));
        assertEquals(0x6_0000L, config.getMethod("base_address").getDefaultValue());
        assertEquals("(halcyon.chip=0)", config.getMethod("bus_target").getDefaultValue());
    }

    @Test
    public void componentPublishesTheGeneratedMapAtTheConfiguredBase() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs", 0x6_0000L);
        Class<?> config = code.type("BlkConfig");
        Object configured = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> method.getName().equals("base_address") ? 0x12_0000L : method.getDefaultValue());
        HardwareBlock block = (HardwareBlock) code.type("BlkBlock").getConstructor(config).newInstance(configured);
        assertEquals("blk", block.name());
        assertEquals(0x12_0000L, block.baseAddress());
        @SuppressWarnings("unchecked")
        List<RegisterInfo> map = (List<RegisterInfo>) code.type("BlkMap").getField("REGISTERS").get(null);
        assertEquals(map, block.registers());
    }
}
