package io.halcyon.launcher.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.halcyon.consumers.training.api.ParallelTrainingResult;
import io.halcyon.consumers.training.api.TrainingPlan;
import io.halcyon.consumers.training.api.TrainingResult;
import io.halcyon.hal.api.bringup.BringUpException;
import io.halcyon.hal.api.bringup.BringUpReport;
import io.halcyon.hal.api.bringup.BringUpStep;

public class PicturesTest {

    static final BringUpReport REPORT = new BringUpReport(List.of(
            new BringUpStep("identify-chip", true, 30, 0.3, "chip <id> & co"),
            new BringUpStep("pll-lock", false, 50_070, 2.5, "locked core,hbm"),
            new BringUpStep("hbm-training", false, 200_050, 1.5, "HBM ready")), false);

    static TrainingResult result() {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            losses.add(0.8 / (i + 1));
        }
        return new TrainingResult(TrainingPlan.standard().withSteps(10), losses, 0.04, "ab".repeat(32), 12.5, 1000, 160);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void lossCurveIsWellFormedSvgWithOnePointPerLossAndTheTarget() throws Exception {
        Document svg = parse(LossCurvePicture.svg(result()));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String points = ((org.w3c.dom.Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points");
        assertEquals(11, points.split(" ").length);
        assertTrue(texts(svg).contains("target 0.0400000"));
        assertTrue(texts(svg).contains("1e-2"));
    }

    @Test
    public void timelineHasABarPerStepInEachPanel() throws Exception {
        Document svg = parse(TimelinePicture.svg(REPORT));
        assertEquals("background + 3 bars in each of two panels", 1 + 2 * 3, svg.getElementsByTagName("rect").getLength());
        List<String> texts = texts(svg);
        assertTrue(texts.toString(), texts.contains("device time, total 250.2 us"));
        assertTrue(texts.toString(), texts.contains("wall time, total 4.3 ms"));
        assertEquals(2, texts.stream().filter("pll-lock"::equals).count());
    }

    @Test
    public void summaryHasTheKeysTheMainJobPromises() {
        MainJobCommands.Chip gen2 = MainJobCommands.Chip.of(Map.of("halcyon.chipmap", "reference_gen2", "halcyon.generation", 2L));
        MainJobCommands.Chip gen1 = MainJobCommands.Chip.of(Map.of("halcyon.chipmap", "reference_gen1", "halcyon.generation", 1L));
        List<ChipBringUps.Outcome> chips = List.of(new ChipBringUps.Outcome(0, gen2, REPORT, null),
                new ChipBringUps.Outcome(1, gen1, null, new BringUpException("hbm-training", new IllegalStateException("hbm.STATUS=0x00000004"))));
        ParallelTrainingResult run = new ParallelTrainingResult(result(),
                List.of(new ParallelTrainingResult.ChipShare(0, 256, 10, 4096, 1000, "ab".repeat(32))), 0.0, 0);
        Map<String, Object> summary = MainJobCommands.summary(chips, run, List.of(java.nio.file.Path.of("/tmp/a.svg")));
        assertEquals(List.of("chip", "bringup", "chips", "training", "pictures"), List.copyOf(summary.keySet()));
        String json = Json.write(summary);
        assertTrue(json, json.startsWith("{\"chip\":{\"chipMap\":\"reference_gen2\",\"generation\":2},\"bringup\":[{\"step\":\"identify-chip\",\"deviceTime\":30,\"wallMs\":0.3,\"alreadyDone\":true},"));
        assertTrue(json, json.contains("\"chips\":[{\"chip\":0,\"chipMap\":\"reference_gen2\",\"generation\":2,\"state\":\"serving\",\"bringup\":[{\"step\":\"identify-chip\""));
        assertTrue(json, json.contains("{\"chip\":1,\"chipMap\":\"reference_gen1\",\"generation\":1,\"state\":\"failed\",\"bringup\":[],"
                + "\"failedStep\":\"hbm-training\",\"error\":\"bring-up failed at step hbm-training: hbm.STATUS=0x00000004\"}]"));
        assertTrue(json, json.contains("\"training\":{\"steps\":10,\"initialLoss\":0.8,\"finalLoss\":0.07272727272727274,\"targetLoss\":0.04,\"weightsChecksum\":\"abab"));
        assertTrue(json, json.contains("\"chips\":1,\"allReduceMs\":0.0,\"allReduceBytes\":0,\"deviceCycles\":1000,"
                + "\"perChip\":[{\"chip\":0,\"samples\":256,\"steps\":10,\"dmaBytes\":4096,\"engineCycles\":1000}]"));
        assertTrue(json, json.endsWith("\"pictures\":[\"/tmp/a.svg\"]}"));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
