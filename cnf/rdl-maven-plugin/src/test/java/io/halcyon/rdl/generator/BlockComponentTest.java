package io.halcyon.rdl.generator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/** The generated configuration type and HardwareBlock component of a block bundle. */
public class BlockComponentTest {

    @Test
    public void configurationCarriesTheFactoryPidAndNoPlaceOfItsOwn() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs");
        Class<?> config = code.type("BlkConfig");
        assertEquals("test.comp", config.getField("PID").get(null));
        // Where the block sits, on which chip, under which name: the platform says, from the chip map.
        for (String element : new String[] {"base_address", "halcyon_block", "halcyon_chip", "bus_target"}) {
            assertNull(element + " has a default", config.getMethod(element).getDefaultValue());
        }
    }

    @Test
    public void componentDeclaresTheBlockCapabilityWithItsPidAndDescription() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs");
        String component = code.sources.get("test/comp/regs/BlkBlock.java");
        assertTrue(component, component.contains(
                "@Capability(namespace = \"halcyon.block\", name = BlkMap.BLOCK, attribute = {\"pid=\" + BlkConfig.PID, \"rdl=OSGI-INF/rdl\"})"));
        assertTrue(component, component.contains("configurationPolicy = ConfigurationPolicy.REQUIRE"));
    }

    @Test
    public void componentPublishesTheGeneratedMapUnderTheInstanceNameAtTheConfiguredBase() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs");
        Class<?> config = code.type("BlkConfig");
        Object configured = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> switch (method.getName()) {
                    case "base_address" -> 0x12_0000L;
                    case "halcyon_block" -> "blk2";
                    default -> method.getDefaultValue();
                });
        HardwareBlock block = (HardwareBlock) code.type("BlkBlock").getConstructor(config).newInstance(configured);
        assertEquals("blk2", block.name());
        assertEquals(0x12_0000L, block.baseAddress());
        @SuppressWarnings("unchecked")
        List<RegisterInfo> map = (List<RegisterInfo>) code.type("BlkMap").getField("REGISTERS").get(null);
        assertEquals(map, block.registers());
    }

    @Test
    public void componentAppliesTheInstanceResetsOfItsConfiguration() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs");
        Class<?> config = code.type("BlkConfig");
        Object configured = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> switch (method.getName()) {
                    case "halcyon_resets" -> new String[] {"CTRL.HI=0x7"};
                    case "halcyon_block" -> "blk";
                    case "base_address" -> 0L;
                    default -> method.getDefaultValue();
                });
        HardwareBlock block = (HardwareBlock) code.type("BlkBlock").getConstructor(config).newInstance(configured);
        RegisterInfo ctrl = block.register("CTRL").orElseThrow();
        assertEquals("the chip map's value, not the description's 0x5A", 0x7L, ctrl.field("HI").orElseThrow().reset().getAsLong());
        assertEquals("the register's reset follows its field", 0x07_0000L, ctrl.resetValue());
        assertEquals("other registers as described", 0xBEEFL << 32,
                block.register("STAMP").orElseThrow().resetValue());
    }

    @Test
    public void anInstanceResetNamingNoFieldIsRefusedNamingIt() throws Exception {
        GeneratedCode code = GeneratedCode.withComponents(GeneratedCode.elaborate(GeneratedCode.resource("blk.rdl")),
                "test.comp.regs");
        Class<?> config = code.type("BlkConfig");
        Object configured = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> switch (method.getName()) {
                    case "halcyon_resets" -> new String[] {"CTRL.NOPE=0x1"};
                    case "base_address" -> 0L;
                    default -> method.getDefaultValue();
                });
        try {
            code.type("BlkBlock").getConstructor(config).newInstance(configured);
            throw new AssertionError("accepted a reset of a field the block lacks");
        } catch (java.lang.reflect.InvocationTargetException e) {
            assertTrue(e.getCause().getMessage(), e.getCause().getMessage().contains("CTRL.NOPE"));
        }
    }
}
