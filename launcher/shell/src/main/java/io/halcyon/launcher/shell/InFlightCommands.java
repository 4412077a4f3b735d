package io.halcyon.launcher.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * {@code hal:inflight} and {@code hal:drain}, a crash drill for a chip that outlives its host (see
 * {@link InFlightWork}): one host leaves work in flight and is killed, the next lets it finish and shows
 * what came out.
 */
@Component(service = Object.class, property = {"osgi.command.scope=hal", "osgi.command.function=inflight",
        "osgi.command.function=drain"})
public class InFlightCommands {

    @Reference(service = PlatformInfo.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, PlatformInfo>> platforms;

    @Reference(service = DmaEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, DmaEngine>> dma;

    @Reference(service = TensorEngine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, TensorEngine>> tensor;

    @Reference(service = HostMemory.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Map.Entry<Map<String, Object>, HostMemory>> hostMemory;

    @Descriptor("crash drill: leave 16 tensor commands and 8 DMA descriptors in flight on a chip (brought up), print the ticket, keep the host attached for --hold seconds")
    public String inflight(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("seconds to stay attached after submitting, with the work in flight (kill the host meanwhile)")
            @Parameter(names = "--hold", absentValue = "0") int holdSeconds) throws InterruptedException {
        InFlightWork work = work(chip);
        long ticket = work.submit();
        // Printed now, not returned: whoever drills the crash kills this host while it holds.
        PrintStream out = System.out;
        out.println("in flight: " + work.state(ticket));
        out.flush();
        Thread.sleep(holdSeconds * 1000L);
        return "left in flight after " + holdSeconds + " s; hal:drain " + (chip == 0 ? "" : "--chip " + chip + " ") + ticket
                + " lets it finish";
    }

    @Descriptor("let the work hal:inflight left with TICKET finish (waiting in device time); show the chip before and after and the results' CRC-32")
    public String drain(
            @Descriptor("the chip (hal:chips lists them)") @Parameter(names = "--chip", absentValue = "0") int chip,
            @Descriptor("the ticket hal:inflight printed") long ticket) {
        InFlightWork work = work(chip);
        String before = work.state(ticket);
        work.awaitDone(ticket);
        String after = work.state(ticket);
        List<String> sums = work.resultChecksums();
        return "on attach: " + before + "\ndrained:   " + after + "\ntensor result crc-32 " + sums.get(0)
                + "\ndma result crc-32 " + sums.get(1) + "\n";
    }

    private InFlightWork work(int chip) {
        List<Integer> chips = PerChip.chipsOf(platforms);
        return new InFlightWork(PerChip.require(dma, chip, chips, "DMA engine"), PerChip.require(tensor, chip, chips, "tensor engine"),
                PerChip.require(hostMemory, chip, chips, "host memory"));
    }
}
