package io.halcyon.consumers.butr;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.RegisterTests;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.regmap.HardwareBlock;

/**
 * {@link RegisterTests} over the buses and register maps in the framework; no budget (the caller asked for
 * this chip). A run over the chip's own maps is told to every {@link io.halcyon.hal.api.butr.TestListener};
 * one over descriptions the caller gives (a health gate's staged version) is not.
 */
@Component(service = RegisterTests.class)
public class RegisterTestsService implements RegisterTests {

    private final ChipServices services;

    @Activate
    public RegisterTestsService(@Reference ChipServices services) {
        this.services = services;
    }

    @Override
    public TestReport run(TestRequest request, ProgressListener listener) {
        TestReport report = runOver(services.blocks(request.chip()), request, listener);
        services.finished(request, List.of(report));
        return report;
    }

    @Override
    public TestReport run(TestRequest request, List<HardwareBlock> descriptions, ProgressListener listener) {
        List<BlockUnderTest> blocks = descriptions.stream().map(BlockUnderTest::of).sorted(Comparator.comparingLong(BlockUnderTest::base))
                .toList();
        return runOver(blocks, request, listener);
    }

    private TestReport runOver(List<BlockUnderTest> blocks, TestRequest request, ProgressListener listener) {
        int chip = request.chip();
        RegisterBus bus = services.bus(chip).orElseThrow(() -> new IllegalArgumentException("no register bus for chip " + chip));
        String platform = services.platform(chip).map(p -> p.kind().name().toLowerCase(Locale.ROOT)).orElse("unknown");
        return TestRunner.run(platform, request, blocks, new BusAccess(bus), Budget.UNLIMITED, listener);
    }

    @Override
    public void writeJUnitXml(List<TestReport> reports, Writer out) throws IOException {
        JUnitXml.write(reports, out);
    }
}
