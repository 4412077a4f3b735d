package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/** The JUnit XML of a run with a failure parses back with the counts, the failing check's name and its values. */
public class JUnitXmlTest {

    @Test
    public void writtenXmlParsesBackWithCountsAndTheFailure() throws Exception {
        EmulatedChipBench bench = new EmulatedChipBench();
        bench.chip.registerFaults().stuckAt(0x0000_000C, 5, 0);
        TestReport report = bench.run(TestRequest.wholeChip(0).onBlock("sysctrl"));
        StringWriter xml = new StringWriter();
        JUnitXml.write(List.of(report), xml);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml.toString())));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(String.valueOf(report.results().size()), root.getAttribute("tests"));
        assertEquals(String.valueOf(report.count(Outcome.FAILED)), root.getAttribute("failures"));
        assertEquals(String.valueOf(report.count(Outcome.SKIPPED)), root.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(report.results().size(), cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(report.count(Outcome.FAILED), failures.getLength());
        Element failure = (Element) failures.item(0);
        Element failedCase = (Element) failure.getParentNode();
        assertEquals("sysctrl.SCRATCH.VALUE[5]", failedCase.getAttribute("name"));
        assertEquals("emulation.bit-bash.sysctrl", failedCase.getAttribute("classname"));
        assertTrue(failure.getAttribute("message"), failure.getAttribute("message").contains("expected 0x20, read 0x0"));
        assertEquals(report.count(Outcome.SKIPPED), doc.getElementsByTagName("skipped").getLength());
    }
}
