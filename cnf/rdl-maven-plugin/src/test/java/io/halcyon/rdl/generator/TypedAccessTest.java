package io.halcyon.rdl.generator;

import static io.halcyon.rdl.generator.GeneratedCode.call;
import static io.halcyon.rdl.generator.GeneratedCode.hasMethod;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.Test;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.register.EncodedField;
import io.halcyon.hal.api.register.EnumFields;
import io.halcyon.hal.api.register.Encoding;
import io.halcyon.hal.api.register.FieldCondition;
import io.halcyon.hal.api.register.ReadableRegister;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.register.RegisterField;
import io.halcyon.hal.api.register.RegisterValue;

/**
 * What drivers do through the generated layer instead of through the bus: register paths, posted
 * writes, waits on typed field conditions, typed batched reads, memories laid out by virtual
 * registers, encodings with descriptions. Each test pins the accesses on a recording bus.
 */
public class TypedAccessTest {

    private static final long BASE = 0x4000_0000L;
    private static final Duration BOUND = Duration.ofNanos(1_000);
    private static GeneratedCode blk;
    private static GeneratedCode ring;
    private final RecordingBus bus = new RecordingBus();

    @BeforeClass
    public static void generate() throws Exception {
        blk = GeneratedCode.fromResource("blk.rdl", "test.typed.regs");
        ring = GeneratedCode.fromResource("ring.rdl", "test.ring.regs");
    }

    private Object named(GeneratedCode code, String accessor, String instance) throws Exception {
        return code.type(accessor).getConstructor(RegisterBus.class, long.class, String.class).newInstance(bus, BASE, instance);
    }

    @SuppressWarnings("unchecked")
    private static <V extends RegisterValue> RegisterField<V> field(GeneratedCode code, String type, String field) {
        return (RegisterField<V>) code.constant(type, field);
    }

    @SuppressWarnings("unchecked")
    private static <V extends RegisterValue> ReadableRegister<V> readable(Object handle) {
        return (ReadableRegister<V>) handle;
    }

    // --- paths ---------------------------------------------------------------------------------

    @Test
    public void pathsNameTheInstanceTheRegisterAndItsIndices() throws Exception {
        Object blk7 = named(blk, "Blk", "blk7");
        assertEquals("blk7.CTRL", call(call(blk7, "ctrl"), "path"));
        assertEquals("blk7.CHAN[3]", call(call(blk7, "chan", 3), "path"));
        assertEquals("blk7.PORT[1].LANE[2]", call(call(blk7, "portLane", 1, 2), "path"));
        assertEquals("blk.CTRL", call(call(blk.accessor("Blk", bus, BASE), "ctrl"), "path"));
        assertEquals("blk7.CTRL.DIV", readable(call(blk7, "ctrl")).path(field(blk, "Ctrl", "DIV_FIELD")));
        assertTrue("a path costs no access", bus.log.isEmpty());
    }

    // --- posted writes ----------------------------------------------------------------------------

    @Test
    public void postIssuesAPostedWriteOfExactlyTheValueAndFlushWaitsForIt() {
        Object accessor = blk.accessor("Blk", bus, BASE);
        Object kick = call(blk.type("Kick"), "fromBits", 0x13);
        call(call(accessor, "kick"), "post", kick);
        Object big = call(blk.constant("Big", "RESET"), "withAddr", 0x12_3456_7890L);
        call(call(accessor, "big"), "post", big);
        call(accessor, "flush");
        assertEquals(List.of("P32 0x40000010=0x13", "P64 0x40000020=0x1234567890", "F"), bus.log);
    }

    @Test
    public void registersSoftwareCannotWriteHaveNoPost() {
        assertFalse(hasMethod(blk.type("EventsRegister"), "post"));
        assertTrue(hasMethod(blk.type("CmdRegister"), "post"));
    }

    // --- waits -------------------------------------------------------------------------------------

    @Test
    public void awaitHandsTheFieldConditionToTheBusAsMaskAndValue() {
        bus.set(BASE, 0x1000);
        Object ctrl = call(blk.accessor("Blk", bus, BASE), "ctrl");
        FieldCondition<?> idle = field(blk, "Ctrl", "BUSY_FIELD").is(0);
        WaitResult result = (WaitResult) call(ctrl, "await", idle, BOUND);
        assertFalse(result.met());
        assertEquals(0x1000, result.lastValue());
        assertEquals(List.of("A32 0x40000000 & 0x1000 == 0x0"), bus.log);
        assertEquals("BUSY == 0", idle.toString());
    }

    @Test
    public void awaitOrThrowNamesThePathTheConditionAndTheValueSeen() throws Exception {
        bus.set(BASE + 0x100 + 2 * 8, 0x6);
        Object chan = call(named(blk, "Blk", "blk3"), "chan", 2);
        FieldCondition<?> on = field(blk, "Chan", "EN_FIELD").is(1);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> call(chan, "awaitOrThrow", on, BOUND));
        assertEquals("blk3.CHAN[2]", e.register());
        assertTrue(e.getMessage(), e.getMessage().startsWith("blk3.CHAN[2]: EN == 1 not reached within 0 ns"));
        assertTrue(e.getMessage(), e.getMessage().contains("last value 0x00000006 at 0x40000110"));
    }

    @Test
    public void notEqualMaskedEncodedAndCombinedConditions() {
        RegisterField<RegisterValue> div = field(blk, "Ctrl", "DIV_FIELD");
        FieldCondition<RegisterValue> left = div.isNot(5);
        assertEquals(List.of(0xF0L, 0x50L, false), List.of(left.mask(), left.value(), left.equal()));
        assertEquals("DIV != 5", left.toString());
        FieldCondition<RegisterValue> low = div.masked(0x3).is(1);
        assertEquals(List.of(0x30L, 0x10L), List.of(low.mask(), low.value()));
        assertEquals("DIV & 0x3 == 1", low.toString());
        @SuppressWarnings("unchecked")
        EncodedField<RegisterValue, Encoding> mode = (EncodedField<RegisterValue, Encoding>) blk.constant("Ctrl", "MODE_FIELD");
        Encoding fast = (Encoding) blk.constant("ModeE", "FAST");
        FieldCondition<RegisterValue> fastMode = mode.is(fast);
        assertEquals(List.of(0x6L, 0x4L), List.of(fastMode.mask(), fastMode.value()));
        assertEquals("MODE == FAST", fastMode.toString());
        FieldCondition<RegisterValue> both = field(blk, "Ctrl", "EN_FIELD").is(1).and(div.is(3));
        assertEquals(List.of(0xF1L, 0x31L), List.of(both.mask(), both.value()));
        assertEquals("EN == 1 and DIV == 3", both.toString());
    }

    @Test
    public void awaitNotGoesToTheBusAsANotEqualWait() {
        Object ctrl = call(blk.accessor("Blk", bus, BASE), "ctrl");
        call(ctrl, "await", field(blk, "Ctrl", "DIV_FIELD").isNot(5), BOUND);
        assertEquals(List.of("A32 0x40000000 & 0xf0 != 0x50"), bus.log);
    }

    @Test
    public void conditionsRefuseValuesThatDoNotFitAndCombinationsThatCannotHold() {
        RegisterField<RegisterValue> div = field(blk, "Ctrl", "DIV_FIELD");
        assertThrows(IllegalArgumentException.class, () -> div.is(16));
        assertThrows(IllegalArgumentException.class, () -> div.masked(0x10));
        assertThrows(IllegalArgumentException.class, () -> div.is(1).and(div.is(2)));
        assertThrows(IllegalArgumentException.class, () -> div.isNot(1).and(div.is(2)));
    }

    @Test
    public void registersWhoseReadActsAndWideRegistersHaveNoWait() {
        // A wait polls: on a read-to-clear register every poll would clear it.
        assertFalse(hasMethod(blk.type("EventsRegister"), "await"));
        assertFalse(hasMethod(blk.type("StampRegister"), "await"));
        assertTrue(hasMethod(blk.type("IntrRegister"), "await"));
    }

    // --- batches -----------------------------------------------------------------------------------

    @Test
    public void aBatchReadsEachWidthInOneRoundTripAndTypesTheResults() {
        bus.set(BASE, 0x0000_0201).set(BASE + 4, 0x3).set(BASE + 0x18, 0xBEEF_0000_0001L);
        Object accessor = blk.accessor("Blk", bus, BASE);
        RegisterBatch batch = (RegisterBatch) call(accessor, "batch");
        RegisterBatch.Reading<RegisterValue> ctrl = batch.add(readable(call(accessor, "ctrl")));
        RegisterBatch.Reading<RegisterValue> stamp = batch.add(readable(call(accessor, "stamp")));
        RegisterBatch.Reading<RegisterValue> intr = batch.add(readable(call(accessor, "intr")));
        assertThrows(IllegalStateException.class, ctrl::value);
        batch.read();
        assertEquals(List.of("B32 [0x40000000, 0x40000004]", "B64 [0x40000018]"), bus.log);
        assertEquals(blk.type("Ctrl"), ctrl.value().getClass());
        assertEquals(true, call(ctrl.value(), "en"));
        assertEquals(0xBEEF, call(stamp.value(), "hi"));
        assertEquals(true, call(intr.value(), "err"));
    }

    // --- memories laid out by virtual registers ------------------------------------------------------

    @Test
    public void virtualRegistersOfAMemoryArrayAreTypedAccessorsAtTheirPlace() throws Exception {
        Object rings = named(ring, "Ring", "ring1");
        Object desc = call(rings, "ringDescCtrl", 1, 3);
        assertEquals("ring1.RING[1].DESC_CTRL[3]", call(desc, "path"));
        assertEquals(BASE + 0x1000 + 0x100 + 3 * 0x10 + 8, call(desc, "address"));
        Object value = call(call(ring.constant("RingDescCtrl", "RESET"), "withLen", 64), "withLast", true);
        call(desc, "post", value);
        assertEquals(List.of("P64 0x40001138=0x100000040"), bus.log);
        assertThrows(IndexOutOfBoundsException.class, () -> call(rings, "ringDescAddr", 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> call(rings, "ringDescAddr", 0, 8));
    }

    @Test
    public void virtualRegistersAreNotListedAsRegistersOfTheBlock() {
        List<?> map = (List<?>) ring.constant("RingMap", "REGISTERS");
        assertEquals(1, map.size());
        assertEquals(2, ((List<?>) ring.constant("RingMap", "MEMORIES")).size());
    }

    // --- encodings and fields by name --------------------------------------------------------------

    @Test
    public void encodingsSayWhatTheirMembersMean() {
        Encoding off = (Encoding) blk.constant("ModeE", "OFF");
        Encoding slow = (Encoding) blk.constant("ModeE", "SLOW");
        Encoding fast = (Encoding) blk.constant("ModeE", "FAST");
        assertEquals(List.of("Clock gated.", "Slow clock", "FAST"), List.of(off.description(), slow.description(),
                fast.description()));
        assertEquals(1L, slow.value());
    }

    enum Interrupt { DONE, ERR }

    enum Unknown { DONE, LOST }

    enum Wide { CH }

    @Test
    public void enumFieldsMatchApiConstantsWithOneBitFieldsByName() {
        @SuppressWarnings("unchecked")
        List<RegisterField<RegisterValue>> fields = (List<RegisterField<RegisterValue>>) blk.constant("Intr", "FIELDS");
        EnumFields<Interrupt, RegisterValue> interrupts = EnumFields.match(Interrupt.class, fields);
        assertEquals(0x3L, interrupts.bits(Set.of(Interrupt.DONE, Interrupt.ERR)));
        assertEquals(Set.of(Interrupt.ERR), interrupts.decode(0xF000_0002L));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> EnumFields.match(Unknown.class, fields));
        assertTrue(missing.getMessage(), missing.getMessage().startsWith("Unknown.LOST has no field"));
        IllegalStateException wide = assertThrows(IllegalStateException.class, () -> EnumFields.match(Wide.class, fields));
        assertTrue(wide.getMessage(), wide.getMessage().contains("8 bits wide"));
    }
}
