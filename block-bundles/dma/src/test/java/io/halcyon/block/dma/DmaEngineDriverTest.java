package io.halcyon.block.dma;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.dma.regs.BytesMovedRegister;
import io.halcyon.block.dma.regs.ChErrInfo;
import io.halcyon.block.dma.regs.ChErrInfoRegister;
import io.halcyon.block.dma.regs.ChHead;
import io.halcyon.block.dma.regs.ChHeadRegister;
import io.halcyon.block.dma.regs.ChIntStatus;
import io.halcyon.block.dma.regs.ChIntStatusRegister;
import io.halcyon.block.dma.regs.ChTailRegister;
import io.halcyon.block.dma.regs.Ctrl;
import io.halcyon.block.dma.regs.CtrlRegister;
import io.halcyon.block.dma.regs.DmaConfig;
import io.halcyon.block.dma.regs.DmaMap;
import io.halcyon.block.dma.regs.RingDescControl;
import io.halcyon.block.dma.regs.RingDescControlRegister;
import io.halcyon.block.dma.regs.RingDescDestinationRegister;
import io.halcyon.block.dma.regs.RingDescSourceRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;

public class DmaEngineDriverTest {

    private static final long BASE = 0x4_0000;
    private static final Duration BOUND = Duration.ofNanos(2_000_000);
    private static final DmaDescriptor IN = DmaDescriptor.toDevice(0x8000_0000L, 0x100, 64);
    private static final DmaDescriptor OUT = DmaDescriptor.toHost(0x200, 0x8000_1000L, 128);
    private static final DmaDescriptor MOVE = new DmaDescriptor(io.halcyon.hal.api.dma.MemorySpace.DEVICE, 0x300,
            io.halcyon.hal.api.dma.MemorySpace.DEVICE, 0x400, 4, true);

    private final ExpectingBus bus = new ExpectingBus(BASE, DmaMap.REGISTERS);
    private final DmaEngineDriver driver = new DmaEngineDriver(bus, Configs.instance(DmaConfig.class, "dma", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    private static long head(int ch) {
        return BASE + ChHeadRegister.OFFSET + ch * ChHeadRegister.STRIDE;
    }

    private static long tail(int ch) {
        return BASE + ChTailRegister.OFFSET + ch * ChTailRegister.STRIDE;
    }

    private static long[] channelRegisters(int ch) {
        return new long[] {head(ch), tail(ch), BASE + ChIntStatusRegister.OFFSET + ch * ChIntStatusRegister.STRIDE,
            BASE + ChErrInfoRegister.OFFSET + ch * ChErrInfoRegister.STRIDE};
    }

    private void expectChannelRead(int ch, int head, int tail, int intStatus, int errInfo) {
        bus.expectBatchRead32(channelRegisters(ch), head, tail, intStatus, errInfo);
    }

    /** The descriptor's words at the places dma.rdl gives them, with lengthAndFlags as the test spells them. */
    private void expectDescriptor(int ch, int slot, long source, long destination, long lengthAndFlags) {
        bus.expectPost64(ringWord(RingDescSourceRegister.OFFSET, ch, slot), source)
                .expectPost64(ringWord(RingDescDestinationRegister.OFFSET, ch, slot), destination)
                .expectPost64(ringWord(RingDescControlRegister.OFFSET, ch, slot), lengthAndFlags);
    }

    private static long ringWord(long offset, int ch, int slot) {
        return BASE + offset + ch * RingDescSourceRegister.STRIDE_0 + slot * RingDescSourceRegister.STRIDE_1;
    }

    @Test
    public void descriptorFlagsSitWhereTheDescriptionPutsThem() {
        // The tests below spell length and flags as bits 31:0 and 32/33/34; the description must agree.
        assertEquals(1L << 32, RingDescControl.SOURCE_HOST_MASK);
        assertEquals(1L << 33, RingDescControl.DESTINATION_HOST_MASK);
        assertEquals(1L << 34, RingDescControl.IRQ_MASK);
        assertEquals(0xFFFF_FFFFL, RingDescControl.LENGTH_MASK);
    }

    @Test
    public void submitWritesDescriptorsAtTailFlushesThenRingsTheDoorbell() {
        expectChannelRead(1, 3, 5, 0, 0);
        expectDescriptor(1, 5, 0x8000_0000L, 0x100, 64 | 1L << 32);
        expectDescriptor(1, 6, 0x200, 0x8000_1000L, 128 | 1L << 33);
        expectDescriptor(1, 7, 0x300, 0x400, 4 | 1L << 34);
        bus.expectFlush().expectWrite32(tail(1), 8);
        driver.submit(1, List.of(IN, OUT, MOVE), BOUND);
    }

    @Test
    public void descriptorsWrapAroundTheRing() {
        expectChannelRead(0, 4, 15, 0, 0);
        expectDescriptor(0, 15, 0x8000_0000L, 0x100, 64 | 1L << 32);
        expectDescriptor(0, 0, 0x200, 0x8000_1000L, 128 | 1L << 33);
        bus.expectFlush().expectWrite32(tail(0), 1);
        driver.submit(0, List.of(IN, OUT), BOUND);
    }

    @Test
    public void aFullRingIsDrainedInDeviceTimeBeforeMoreDescriptorsGoIn() {
        // HEAD 0, TAIL 13: two slots free. Two go in, the doorbell rings, then the driver waits for
        // HEAD to reach the new TAIL (15) before writing the third.
        expectChannelRead(2, 0, 13, 0, 0);
        expectDescriptor(2, 13, 0x8000_0000L, 0x100, 64 | 1L << 32);
        expectDescriptor(2, 14, 0x200, 0x8000_1000L, 128 | 1L << 33);
        bus.expectFlush().expectWrite32(tail(2), 15);
        bus.expectAwait(head(2), ChHead.INDEX_MASK, 15, 15, BOUND);
        expectDescriptor(2, 15, 0x300, 0x400, 4 | 1L << 34);
        bus.expectFlush().expectWrite32(tail(2), 0);
        driver.submit(2, List.of(IN, OUT, MOVE), BOUND);
    }

    @Test
    public void ringThatNeverDrainsIsAWaitTimeoutOnHead() {
        expectChannelRead(3, 0, 15, 0, 0);
        bus.expectAwait(head(3), ChHead.INDEX_MASK, 15, 0, BOUND);
        expectChannelRead(3, 0, 15, 0, 0);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.submit(3, List.of(IN), BOUND));
        assertEquals("dma.CH[3].HEAD", e.register());
    }

    @Test
    public void submitOnAStoppedChannelFailsBeforeWritingAnything() {
        expectChannelRead(1, 2, 4, ChIntStatus.ERROR_MASK, 1 | 2 << ChErrInfo.DESC_SHIFT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.submit(1, List.of(IN), BOUND));
        assertEquals("dma channel 1 stopped on an error at descriptor 2: code 1 (address out of range) "
                + "(dma.CH[1].ERR_INFO=0x00000201, HEAD=2, TAIL=4)", e.getMessage());
    }

    @Test
    public void awaitIdleWaitsForHeadToReachTheTailReadFromHardware() {
        expectChannelRead(0, 1, 9, 0, 0);
        bus.expectAwait(head(0), ChHead.INDEX_MASK, 9, 9, BOUND);
        driver.awaitIdle(0, BOUND);
    }

    @Test
    public void channelThatStopsWhileAwaitedNamesDescriptorAndCode() {
        expectChannelRead(2, 1, 9, 0, 0);
        bus.expectAwait(head(2), ChHead.INDEX_MASK, 9, 4, BOUND);
        expectChannelRead(2, 4, 9, ChIntStatus.ERROR_MASK, 3 | 4 << ChErrInfo.DESC_SHIFT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver.awaitIdle(2, BOUND));
        assertTrue(e.getMessage(), e.getMessage().startsWith("dma channel 2 stopped on an error at descriptor 4: code 3 (HBM not ready)"));
    }

    @Test
    public void channelStillBusyAfterTheBoundIsAWaitTimeout() {
        expectChannelRead(0, 1, 9, 0, 0);
        bus.expectAwait(head(0), ChHead.INDEX_MASK, 9, 5, BOUND);
        expectChannelRead(0, 5, 9, 0, 0);
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> driver.awaitIdle(0, BOUND));
        assertTrue(e.getMessage(), e.getMessage().startsWith("dma.CH[0].HEAD: INDEX == 9 (TAIL) not reached within 2000000 ns"));
    }

    @Test
    public void statusReadsTheChannelInOneBatch() {
        expectChannelRead(3, 7, 7, ChIntStatus.DONE_MASK, 0);
        assertEquals(new DmaChannelStatus(3, 7, 7, true, false, 0), driver.status(3));
    }

    @Test
    public void enableSetsCtrlEnable() {
        bus.expectWrite32(BASE + CtrlRegister.OFFSET, Ctrl.ENABLE_MASK);
        driver.enable();
    }

    @Test
    public void bytesMovedIsTheSixtyFourBitCounter() {
        bus.expectRead64(BASE + BytesMovedRegister.OFFSET, 0x1_0000_0040L);
        assertEquals(0x1_0000_0040L, driver.bytesMoved());
    }

    @Test
    public void channelNumbersAreCheckedBeforeAnyAccess() {
        assertEquals(4, driver.channels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.submit(4, List.of(IN), BOUND));
        assertEquals("dma channel 4 does not exist (0..3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.awaitIdle(-1, BOUND));
        assertThrows(IllegalArgumentException.class, () -> driver.status(7));
    }

    @Test
    public void submittingNothingTouchesNothing() {
        driver.submit(0, List.of(), BOUND);
    }
}
