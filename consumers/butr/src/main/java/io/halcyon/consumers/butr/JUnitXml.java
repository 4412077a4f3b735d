package io.halcyon.consumers.butr;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;

/**
 * JUnit XML as CI servers read it (the Ant/Surefire schema): a {@code testsuite} per platform and
 * suite, a {@code testcase} per check with its location as the name, {@code failure} carrying expected
 * and actual, {@code skipped} carrying the reason.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static void write(List<TestReport> reports, Writer out) throws IOException {
        long tests = 0;
        long failures = 0;
        long skipped = 0;
        for (TestReport r : reports) {
            tests += r.results().size();
            failures += r.count(Outcome.FAILED);
            skipped += r.count(Outcome.SKIPPED);
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(Locale.ROOT, "<testsuites name=\"halcyon-butr\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\">%n",
                tests, failures, skipped));
        for (TestReport report : reports) {
            for (Map.Entry<Suite, List<CheckResult>> e : bySuite(report).entrySet()) {
                suite(out, report, e.getKey(), e.getValue());
            }
        }
        out.write("</testsuites>\n");
        out.flush();
    }

    private static Map<Suite, List<CheckResult>> bySuite(TestReport report) {
        Map<Suite, List<CheckResult>> out = new LinkedHashMap<>();
        for (Suite s : Suite.values()) {
            List<CheckResult> mine = new ArrayList<>();
            for (CheckResult r : report.results()) {
                if (r.suite() == s) {
                    mine.add(r);
                }
            }
            if (!mine.isEmpty()) {
                out.put(s, mine);
            }
        }
        return out;
    }

    private static void suite(Writer out, TestReport report, Suite suite, List<CheckResult> results) throws IOException {
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        String name = report.platform() + "." + suiteName(suite);
        out.write(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\" time=\"%.6f\">%n",
                escape(name), results.size(), failed, skipped, report.wallNanos() / 1e9));
        out.write("    <properties>\n");
        property(out, "platform", report.platform());
        property(out, "chip", String.valueOf(report.chip()));
        property(out, "mode", report.mode().name().toLowerCase(Locale.ROOT));
        property(out, "seed", String.valueOf(report.seed()));
        property(out, "deviceTimeNanos", String.valueOf(report.deviceNanos()));
        out.write("    </properties>\n");
        for (CheckResult r : results) {
            out.write(String.format("    <testcase classname=\"%s\" name=\"%s\"",
                    escape(name + "." + r.block()), escape(r.location())));
            switch (r.outcome()) {
                case PASSED -> out.write("/>\n");
                case FAILED -> out.write(String.format(">%n      <failure type=\"register\" message=\"%s\">expected=%s actual=%s address=0x%08x</failure>%n    </testcase>%n",
                        escape(r.reason()), Bits.hex(r.expected()), Bits.hex(r.actual()), r.address()));
                case SKIPPED -> out.write(String.format(">%n      <skipped message=\"%s\"/>%n    </testcase>%n", escape(r.reason())));
            }
        }
        out.write("  </testsuite>\n");
    }

    static String suiteName(Suite s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write(String.format("      <property name=\"%s\" value=\"%s\"/>%n", name, escape(value)));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
