package io.halcyon.launcher.webconsole;

import static io.halcyon.launcher.webconsole.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.halcyon.consumers.training.api.MlpTraining;
import io.halcyon.consumers.training.api.TrainingListener;
import io.halcyon.hal.api.bringup.BringUp;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.HardwareInTheLoop;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.launcher.registers.RegisterAccess;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * The web console: every page under {@value #ROOT}, served by the host's HTTP Whiteboard (bound to
 * loopback by the assembly). Pages read the chip when they are asked for, as the shell does; registers
 * go through {@link RegisterAccess}, the rules {@code hal:read} and {@code hal:write} apply, so input is
 * refused with the shell's words. A change (a register write, a bring-up and training run, full-mode
 * register tests) needs a user and password from the configured users file and is written to the audit
 * log; a refused change writes nothing to the chip.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=" + ConsoleServlet.ROOT + "/*",
        "osgi.http.whiteboard.servlet.name=halcyon-console"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "/halcyon";
    private static final String BASE = ROOT + "/";
    private static final int FAILURES_SHOWN = 20;

    private final transient BundleContext context;
    private final transient Credentials credentials;
    private final transient AuditLog audit;
    private final transient RunWatch watch;
    /** One background run at a time (bring-up and training); the training service serialises runs anyway. */
    private final transient ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "halcyon console run");
        t.setDaemon(true);
        return t;
    });
    private final transient TestsWatch tests;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile BringUp bringUp;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(halcyon.chip=0)")
    private volatile MlpTraining training;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HardwareInTheLoop hitl;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile UpdateManager updates;

    /** A refusal: an HTTP status and the one-line reason the shell would give. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    @Activate
    public ConsoleServlet(BundleContext context, @Reference RunWatch watch, @Reference TestsWatch tests) {
        this.context = context;
        this.watch = watch;
        this.tests = tests;
        String users = context.getProperty(Credentials.PROPERTY);
        this.credentials = new Credentials(users == null || users.isBlank() ? null : Path.of(users));
        String auditFile = context.getProperty(AuditLog.PROPERTY);
        String updateState = context.getProperty("halcyon.update.state");
        this.audit = new AuditLog(auditFile != null && !auditFile.isBlank() ? Path.of(auditFile)
                : Path.of(updateState != null ? updateState : "state").resolve("console-audit.log"));
    }

    @Deactivate
    void deactivate() {
        runner.shutdownNow();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        try {
            if (path.startsWith("/static/")) {
                staticFile(path.substring("/static/".length()), resp);
            } else if (path.equals("/api/run")) {
                send(resp, 200, "application/json", watch.json());
            } else if (path.startsWith("/maps/")) {
                map(path.substring("/maps/".length()), resp);
            } else {
                String body = switch (path) {
                    case "/", "" -> chipsPage();
                    case "/registers" -> registersPage(req, null);
                    case "/run" -> runPage(null);
                    case "/tests" -> testsPage(null);
                    case "/history" -> historyPage();
                    case "/maps" -> mapsPage();
                    default -> throw new Refused(404, "no page " + path);
                };
                html(resp, 200, path.replace("/", ""), title(path), body);
            }
        } catch (Refused r) {
            html(resp, r.status, path.replace("/", ""), title(path), refusedBlock(r.getMessage()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String page = path.replace("/", "");
        try {
            String body = switch (path) {
                case "/registers" -> registersPage(req, write(req));
                case "/run" -> runPage(startRun(req));
                case "/tests" -> testsPage(runTests(req));
                default -> throw new Refused(404, "no page " + path);
            };
            html(resp, 200, page, title(path), body);
        } catch (Refused r) {
            String body = switch (path) {
                case "/registers" -> safe(() -> registersPage(req, null));
                case "/run" -> runPage(null);
                case "/tests" -> testsPage(null);
                default -> "";
            };
            html(resp, r.status, page, title(path), refusedBlock(r.getMessage()) + body);
        }
    }

    // ---- chips

    private String chipsPage() {
        StringBuilder out = new StringBuilder();
        List<ServiceReference<PlatformInfo>> platforms = refs(PlatformInfo.class, null);
        platforms.sort(Comparator.comparingInt(ConsoleServlet::chipOf));
        if (platforms.isEmpty()) {
            out.append("<p class=\"refused\">no platform is attached to this host</p>");
        }
        for (ServiceReference<PlatformInfo> ref : platforms) {
            int chip = chipOf(ref);
            with(ref, p -> {
                out.append("<section class=\"chip\" id=\"chip-").append(chip).append("\"><h2>Chip ").append(chip).append("</h2><table class=\"kv\">");
                row(out, "platform", p.kind().name().toLowerCase(Locale.ROOT) + " (" + p.description() + ") " + p.version());
                row(out, "capabilities", p.capabilities().stream().map(Enum::name).sorted().toList());
                row(out, "chip map", String.valueOf(ref.getProperty(ChipProperties.CHIP_MAP)));
                first(SystemControl.class, chip).ifPresentOrElse(r -> with(r, sc -> {
                    var id = sc.identity();
                    row(out, "identity", id);
                    row(out, "generation", id.generation() + " (revision " + id.revision() + ")");
                    return null;
                }), () -> row(out, "identity", "(no system-control driver)"));
                Optional<ServiceReference<BringUp>> b = first(BringUp.class, chip);
                String health = b.map(r -> with(r, bu -> bu.ready() ? "ready for work (brought up)" : "not brought up")).orElse("no bring-up service");
                List<BlockRow> blocks = blocks(chip);
                long driven = blocks.stream().filter(BlockRow::driverActive).count();
                row(out, "health", health + "; " + driven + " of " + blocks.size() + " block drivers active");
                out.append("</table><table class=\"blocks\"><tr><th>block</th><th>base</th><th>registers</th><th>driver bundle</th>"
                        + "<th>version</th><th>health</th></tr>");
                for (BlockRow r : blocks) {
                    out.append("<tr data-block=\"").append(esc(r.name)).append("\"><td><a href=\"").append(BASE).append("registers?chip=")
                            .append(chip).append("&amp;block=").append(esc(r.name)).append("\">").append(esc(r.name)).append("</a></td><td><code>")
                            .append(String.format("0x%08x", r.base)).append("</code></td><td>").append(r.registers).append("</td><td>")
                            .append(esc(r.bundle)).append("</td><td>").append(esc(r.version)).append("</td><td>")
                            .append(r.driverActive ? "driver active" : "<span class=\"refused\">driver bundle " + esc(r.state) + "</span>")
                            .append("</td></tr>");
                }
                out.append("</table></section>");
                return null;
            });
        }
        return out.toString();
    }

    private record BlockRow(String name, long base, int registers, String bundle, String version, String state, boolean driverActive) {}

    private List<BlockRow> blocks(int chip) {
        List<BlockRow> rows = new ArrayList<>();
        for (ServiceReference<HardwareBlock> ref : refs(HardwareBlock.class, chip)) {
            Bundle owner = ref.getBundle();
            with(ref, b -> rows.add(new BlockRow(b.name(), b.baseAddress(), b.registers().size(),
                    owner == null ? "-" : owner.getSymbolicName(), owner == null ? "-" : owner.getVersion().toString(),
                    owner == null ? "gone" : state(owner), owner != null && owner.getState() == Bundle.ACTIVE)));
        }
        rows.sort(Comparator.comparing(BlockRow::name));
        return rows;
    }

    // ---- registers

    private String registersPage(HttpServletRequest req, String written) {
        int chip = intParam(req, "chip", 0);
        String blockName = req.getParameter("block");
        StringBuilder out = new StringBuilder("<p class=\"blocklist\">Blocks of chip ").append(chip).append(": ");
        Map<String, ServiceReference<HardwareBlock>> byName = blocksByName(chip);
        byName.keySet().forEach(n -> out.append("<a href=\"").append(BASE).append("registers?chip=").append(chip).append("&amp;block=")
                .append(esc(n)).append("\">").append(esc(n)).append("</a> "));
        out.append("</p>");
        if (written != null) {
            out.append("<p id=\"result\" class=\"ok\">").append(esc(written.strip())).append("</p>");
        }
        if (blockName == null || blockName.isBlank()) {
            return out.append("<p>Pick a block.</p>").toString();
        }
        ServiceReference<HardwareBlock> ref = byName.get(blockName.toLowerCase(Locale.ROOT));
        if (ref == null) {
            throw new Refused(404, RegisterAccess.unknownBlock(blockName, byName.keySet()).getMessage());
        }
        ServiceReference<RegisterBus> busRef = first(RegisterBus.class, chip)
                .orElseThrow(() -> new Refused(503, "no register bus for chip " + chip));
        return with(busRef, bus -> with(ref, block -> {
            RegisterAccess access = new RegisterAccess(block, bus);
            String asked = req.getMethod().equals("GET") ? req.getParameter("read") : null;
            if (asked != null) {
                boolean sideEffects = "true".equals(req.getParameter("sideEffects"));
                try {
                    out.append("<pre id=\"asked\">").append(esc(access.readDecoded(asked, sideEffects))).append("</pre>");
                } catch (IllegalArgumentException e) {
                    throw new Refused(400, e.getMessage());
                }
            }
            out.append("<h2>").append(esc(block.name())).append(" <small>base <code>").append(String.format("0x%08x", block.baseAddress()))
                    .append("</code> - <a href=\"").append(BASE).append("maps\">register map</a></small></h2>");
            writeForm(out, chip, block);
            // Live: the page re-reads this table every second from the block's plain URL (never one with
            // read=..., so a register whose read has side effects is never read again behind the operator's back).
            out.append("<p><label><input type=\"checkbox\" id=\"live\" checked> live (re-read every second)</label></p>")
                    .append("<table class=\"registers\" data-live=\"").append(BASE).append("registers?chip=").append(chip).append("&amp;block=")
                    .append(esc(block.name())).append("\"><tr><th>register</th><th>offset</th><th>value and fields</th></tr>");
            for (RegisterInfo reg : block.registers()) {
                out.append("<tr id=\"reg-").append(esc(reg.name())).append("\"><td>").append(esc(reg.name())).append("</td><td><code>")
                        .append(String.format("0x%03x", reg.offset())).append("</code></td><td>");
                if (reg.readHasSideEffects()) {
                    // Never read here: the read would change the chip. Only an explicit request reads it.
                    out.append("<span class=\"side-effect\">not read: its read has side effects (read-to-clear or FIFO)</span> <a href=\"")
                            .append(BASE).append("registers?chip=").append(chip).append("&amp;block=").append(esc(block.name()))
                            .append("&amp;read=").append(esc(reg.name())).append("&amp;sideEffects=true\" class=\"read-anyway\">read it anyway</a>");
                } else {
                    out.append("<pre class=\"value\">").append(esc(access.readDecoded(reg.name(), false))).append("</pre>");
                }
                out.append("</td></tr>");
            }
            return out.append("</table>").toString();
        }));
    }

    private void writeForm(StringBuilder out, int chip, HardwareBlock block) {
        out.append("<form method=\"post\" action=\"").append(BASE).append("registers\" id=\"write-form\"><fieldset><legend>Write (the rules of hal:write; ")
                .append(esc(credentials.describe())).append(")</legend><input type=\"hidden\" name=\"chip\" value=\"").append(chip)
                .append("\"><input type=\"hidden\" name=\"block\" value=\"").append(esc(block.name())).append("\">")
                .append("<label>register <input name=\"register\" id=\"register\" list=\"register-names\" autocomplete=\"off\"></label>")
                .append("<datalist id=\"register-names\">");
        // Completion of register and FIELD= names, as the browser offers it.
        for (RegisterInfo reg : block.registers()) {
            out.append("<option value=\"").append(esc(reg.name())).append("\">");
        }
        out.append("</datalist><label>value <input name=\"value\" id=\"value\" list=\"field-names\" placeholder=\"0x2a or FIELD=VALUE ...\"></label><datalist id=\"field-names\">");
        block.registers().stream().flatMap(r -> r.fields().stream()).map(f -> f.name() + "=").distinct()
                .forEach(f -> out.append("<option value=\"").append(esc(f)).append("\">"));
        out.append("</datalist><label>user <input name=\"user\" id=\"user\" autocomplete=\"username\"></label>")
                .append("<label>password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\"></label>")
                .append("<button type=\"submit\" id=\"write\">write</button></fieldset></form>");
    }

    private String write(HttpServletRequest req) {
        int chip = intParam(req, "chip", 0);
        String block = Optional.ofNullable(req.getParameter("block")).orElse("");
        String register = Optional.ofNullable(req.getParameter("register")).orElse("").trim();
        String value = Optional.ofNullable(req.getParameter("value")).orElse("").trim();
        String what = "write chip " + chip + " " + block + "." + register + " " + value;
        String user = authorise(req, what);
        Map<String, ServiceReference<HardwareBlock>> byName = blocksByName(chip);
        ServiceReference<HardwareBlock> ref = byName.get(block.toLowerCase(Locale.ROOT));
        if (ref == null) {
            throw refusedAndLogged(user, req, what, 404, RegisterAccess.unknownBlock(block, byName.keySet()).getMessage());
        }
        ServiceReference<RegisterBus> busRef = first(RegisterBus.class, chip)
                .orElseThrow(() -> new Refused(503, "no register bus for chip " + chip));
        String done;
        try {
            done = with(busRef, bus -> with(ref, b -> new RegisterAccess(b, bus).write(register,
                    value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+")))));
        } catch (IllegalArgumentException e) {
            throw refusedAndLogged(user, req, what, 400, e.getMessage());
        }
        audit.record(user, req.getRemoteAddr(), what, done);
        return done;
    }

    // ---- credentials

    /** The user, when the request carries good credentials; else a refusal, logged, before anything is done. */
    private String authorise(HttpServletRequest req, String what) {
        String user = req.getParameter("user");
        String password = req.getParameter("password");
        String header = req.getHeader("Authorization");
        if ((user == null || user.isBlank()) && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                user = decoded.substring(0, colon);
                password = decoded.substring(colon + 1);
            }
        }
        Optional<String> refusal = credentials.refusal(user, password);
        if (refusal.isPresent()) {
            throw refusedAndLogged(user, req, what, 401, refusal.get());
        }
        return user;
    }

    private Refused refusedAndLogged(String user, HttpServletRequest req, String what, int status, String reason) {
        audit.record(user, req.getRemoteAddr(), what, "refused: " + reason);
        return new Refused(status, reason);
    }

    // ---- bring-up and training

    private String startRun(HttpServletRequest req) {
        String user = authorise(req, "run bring-up and training on chip 0");
        BringUp b = bringUp;
        MlpTraining t = training;
        if (b == null || t == null) {
            throw new Refused(503, "bring-up or training is not running on this host");
        }
        int steps = intParam(req, "steps", 0);
        watch.starting();
        runner.execute(() -> {
            try {
                // The timeline and the loss reach the page through the whiteboard (RunWatch), as for runs started elsewhere.
                b.bringUp();
                t.train(steps > 0 ? t.plan().withSteps(steps) : t.plan(), TrainingListener.NONE);
            } catch (RuntimeException e) {
                watch.failed(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
            }
        });
        audit.record(user, req.getRemoteAddr(), "run bring-up and training on chip 0", "started");
        return "bring-up and training started by " + user;
    }

    private String runPage(String started) {
        return (started == null ? "" : "<p id=\"result\" class=\"ok\">" + esc(started) + "</p>")
                + "<p>The latest bring-up of chip 0 and the loss of its latest training run, whoever started them (this page, "
                + "<code>hal:bringup</code>, <code>hal:train</code> or the main job). Both redraw while a run goes on.</p>"
                + "<p>Training: <span id=\"run-state\">-</span></p><p>Bring-up: <span id=\"bringup-state\">-</span></p>"
                + "<h2>Training loss</h2><svg id=\"loss-chart\" class=\"chart\" viewBox=\"0 0 640 240\" width=\"640\" height=\"240\"></svg>"
                + "<h2>Bring-up timeline (device time)</h2><svg id=\"bringup-chart\" class=\"chart\" viewBox=\"0 0 640 240\" width=\"640\" height=\"240\"></svg>"
                + "<form method=\"post\" action=\"" + BASE + "run\" id=\"run-form\"><fieldset><legend>Bring chip 0 up and train ("
                + esc(credentials.describe()) + ")</legend><label>steps <input name=\"steps\" id=\"steps\" placeholder=\"standard plan\"></label>"
                + "<label>user <input name=\"user\" id=\"user\"></label><label>password <input type=\"password\" name=\"password\" id=\"password\"></label>"
                + "<button type=\"submit\" id=\"start\">start</button></fieldset></form>"
                + "<script>window.halcyonRun = '" + BASE + "api/run';</script>";
    }

    // ---- register tests

    private String runTests(HttpServletRequest req) {
        String modeText = Optional.ofNullable(req.getParameter("mode")).orElse("non-destructive");
        TestMode mode = switch (modeText) {
            case "full" -> TestMode.FULL;
            case "non-destructive" -> TestMode.NON_DESTRUCTIVE;
            default -> throw new Refused(400, "unknown mode '" + modeText + "'; full or non-destructive");
        };
        String what = "register tests, " + modeText + " mode, every configured platform";
        // Non-destructive tests write nothing and read no register whose read has side effects: no change, no credentials.
        String who = mode == TestMode.FULL ? authorise(req, what) : "anyone";
        HardwareInTheLoop h = hitl;
        if (h == null) {
            throw new Refused(503, "the register tests bundle (io.halcyon.consumers.butr) is not running");
        }
        // The run reaches the page through the whiteboard (TestsWatch), as runs started from the shell do; it is named here.
        List<TestReport> reports = h.run(TestRequest.wholeChip(0).withMode(mode), ProgressListener.NONE);
        tests.startedBy(reports, who + " (this console)");
        if (mode == TestMode.FULL) {
            audit.record(who, req.getRemoteAddr(), what, reports.stream().mapToLong(r -> r.count(io.halcyon.hal.api.butr.Outcome.FAILED)).sum()
                    + " failed checks");
        }
        return "ran";
    }

    private String testsPage(String ran) {
        StringBuilder out = new StringBuilder("<p>The latest run of the built-in register tests (BUTR) on this host, whoever started it (this page, "
                + "<code>hal:butr</code> on chip 0, <code>hal:hitl</code> on every configured platform), per platform side by side (HITL). The form "
                + "runs chip 0 on every configured platform. "
                + "Non-destructive mode writes nothing and reads no register whose read has side effects; full mode writes registers "
                + "and needs credentials.</p><form method=\"post\" action=\"").append(BASE).append("tests\" id=\"tests-form\"><fieldset><legend>Run</legend>"
                + "<label>mode <select name=\"mode\" id=\"mode\"><option>non-destructive</option><option>full</option></select></label>"
                + "<label>user <input name=\"user\" id=\"user\"></label><label>password <input type=\"password\" name=\"password\" id=\"password\"></label>"
                + "<button type=\"submit\" id=\"run-tests\">run</button></fieldset></form>");
        TestsWatch.Run done = tests.latest().orElse(null);
        if (done == null) {
            return out.append("<p id=\"tests-state\">not run since the host started</p>").toString();
        }
        TestRequest asked = done.request();
        HardwareInTheLoop h = hitl;
        List<String> attached = h != null ? h.attached() : List.of();
        out.append("<p id=\"tests-state\">").append(esc(asked.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'))).append(" mode, run at ")
                .append(done.at().truncatedTo(ChronoUnit.SECONDS)).append(" by ").append(esc(done.who())).append("; ")
                .append(esc(asked.block().map(b -> "block " + b + asked.register().map(r -> " register " + r).orElse("")).orElse("every block")))
                .append(", seed ").append(asked.seed()).append("</p>");
        out.append("<table id=\"tests\"><tr><th>suite</th>");
        done.reports().forEach(r -> out.append("<th>").append(esc(r.platform())).append((h == null || attached.contains(r.platform())) ? "" : " (not attached)")
                .append("<br><small>passed / failed / skipped</small></th>"));
        out.append("</tr>");
        for (Suite s : Suite.values()) {
            out.append("<tr><td>").append(s.name().toLowerCase(Locale.ROOT).replace('_', '-')).append("</td>");
            for (TestReport r : done.reports()) {
                long[] c = new long[3];
                r.results().stream().filter(x -> x.suite() == s).forEach(x -> c[x.outcome().ordinal()]++);
                out.append("<td").append(c[1] > 0 ? " class=\"refused\"" : "").append('>').append(c[0]).append(" / ").append(c[1])
                        .append(" / ").append(c[2]).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("<tr><th>total</th>");
        done.reports().forEach(r -> out.append("<th data-platform=\"").append(esc(r.platform())).append("\">")
                .append(r.count(io.halcyon.hal.api.butr.Outcome.PASSED)).append(" / ").append(r.count(io.halcyon.hal.api.butr.Outcome.FAILED))
                .append(" / ").append(r.count(io.halcyon.hal.api.butr.Outcome.SKIPPED)).append("</th>"));
        out.append("</tr></table>");
        List<String> failures = new ArrayList<>();
        done.reports().forEach(r -> r.failures().forEach(f -> failures.add(r.platform() + ": " + f.message())));
        out.append("<h2>Failures</h2><ul id=\"failures\">");
        failures.stream().limit(FAILURES_SHOWN).forEach(f -> out.append("<li>").append(esc(f)).append("</li>"));
        if (failures.isEmpty()) {
            out.append("<li>none</li>");
        }
        return out.append("</ul>").toString();
    }

    // ---- update history

    private String historyPage() {
        StringBuilder out = new StringBuilder();
        UpdateManager m = updates;
        if (m == null) {
            return "<p class=\"refused\">the update manager is not running on this host</p>";
        }
        List<UpdateRecord> records = m.history();
        out.append("<p>Every update on this host (and earlier hosts with the same state directory), newest first: outcome, the pause "
                + "callers saw, each phase, the health gate's checks, rollbacks.</p><table id=\"history\"><tr><th>#</th><th>when (UTC)</th>"
                + "<th>block / bundle</th><th>version</th><th>outcome</th><th>pause ms</th><th>who</th><th>gate</th><th>phases</th><th>detail</th></tr>");
        for (int i = records.size() - 1; i >= 0; i--) {
            UpdateRecord r = records.get(i);
            out.append("<tr class=\"outcome-").append(r.outcome().name().toLowerCase(Locale.ROOT)).append("\"><td>").append(r.sequence())
                    .append("</td><td>").append(r.at().truncatedTo(ChronoUnit.SECONDS)).append("</td><td>")
                    .append(esc(r.block().isEmpty() ? r.bundle() : r.block())).append("</td><td>").append(esc(r.fromVersion() + " -> " + r.toVersion()))
                    .append("</td><td>").append(r.outcome()).append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.pauseMillis()))
                    .append("</td><td>").append(esc(r.who())).append("</td><td>").append(esc(r.unchecked() ? "unchecked by the operator" : r.gate().summary()))
                    .append("</td><td>").append(esc(io.halcyon.launcher.update.Phase.line(r.phases()))).append("</td><td>").append(esc(r.detail()))
                    .append("</td></tr>");
        }
        out.append("</table>");
        if (records.isEmpty()) {
            out.append("<p id=\"no-history\">no updates on this host yet</p>");
        }
        out.append("<h2>Changes made through this console</h2><p>From ").append(esc(audit.file())).append("</p><pre id=\"audit\">");
        audit.tail(50).forEach(l -> out.append(esc(l)).append('\n'));
        return out.append("</pre>").toString();
    }

    // ---- register maps

    private String mapsPage() {
        StringBuilder out = new StringBuilder("<p>The register map of every block, generated from its SystemRDL description at build time "
                + "and carried by the bundle that drives it.</p><ul id=\"maps\">");
        Map<String, String> links = new TreeMap<>();
        for (ServiceReference<HardwareBlock> ref : refs(HardwareBlock.class, null)) {
            Bundle owner = ref.getBundle();
            if (owner == null) {
                continue;
            }
            Enumeration<URL> maps = owner.findEntries("OSGI-INF/regmap", "*.html", false);
            while (maps != null && maps.hasMoreElements()) {
                String file = Path.of(maps.nextElement().getPath()).getFileName().toString();
                links.put(file.replace(".html", ""), BASE + "maps/" + owner.getBundleId() + "/" + file + "|" + owner.getSymbolicName() + " "
                        + owner.getVersion());
            }
        }
        links.forEach((name, link) -> {
            String[] parts = link.split("\\|");
            out.append("<li><a href=\"").append(esc(parts[0])).append("\">").append(esc(name)).append("</a> <small>").append(esc(parts[1]))
                    .append("</small></li>");
        });
        if (links.isEmpty()) {
            out.append("<li>no block bundle carries a register map</li>");
        }
        return out.append("</ul>").toString();
    }

    private void map(String rest, HttpServletResponse resp) throws IOException {
        String[] parts = rest.split("/");
        Bundle b = null;
        if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("[A-Za-z0-9_.-]+\\.html")) {
            b = context.getBundle(Long.parseLong(parts[0]));
        }
        URL entry = b == null ? null : b.getEntry("OSGI-INF/regmap/" + parts[1]);
        if (entry == null) {
            throw new Refused(404, "no register map " + rest);
        }
        try (InputStream in = entry.openStream()) {
            send(resp, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    // ---- plumbing

    private void staticFile(String name, HttpServletResponse resp) throws IOException {
        if (!name.matches("[a-z-]+\\.(css|js)")) {
            throw new Refused(404, "no file " + name);
        }
        try (InputStream in = getClass().getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new Refused(404, "no file " + name);
            }
            send(resp, 200, name.endsWith(".css") ? "text/css" : "application/javascript", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String title(String path) {
        for (String[] n : Html.NAV) {
            if (path.equals("/" + n[0])) {
                return n[1];
            }
        }
        return "Halcyon";
    }

    private static String refusedBlock(String reason) {
        return "<p id=\"refused\" class=\"refused\">refused: " + esc(reason) + "</p>";
    }

    private static String safe(java.util.function.Supplier<String> page) {
        try {
            return page.get();
        } catch (Refused r) {
            return "";
        }
    }

    private void html(HttpServletResponse resp, int status, String page, String title, String body) throws IOException {
        send(resp, status, "text/html; charset=utf-8", Html.page(BASE, page, title, body));
    }

    private static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void row(StringBuilder out, String key, Object value) {
        out.append("<tr><th>").append(esc(key)).append("</th><td class=\"").append(esc(key.replace(' ', '-'))).append("\">").append(esc(value))
                .append("</td></tr>");
    }

    private static int intParam(HttpServletRequest req, String name, int absent) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new Refused(400, "not a number for " + name + ": '" + v + "'");
        }
    }

    private static int chipOf(ServiceReference<?> ref) {
        Object c = ref.getProperty(ChipProperties.CHIP);
        return c instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(c));
    }

    private Map<String, ServiceReference<HardwareBlock>> blocksByName(int chip) {
        Map<String, ServiceReference<HardwareBlock>> byName = new TreeMap<>();
        for (ServiceReference<HardwareBlock> ref : refs(HardwareBlock.class, chip)) {
            byName.putIfAbsent(String.valueOf(ref.getProperty(HardwareBlock.BLOCK)).toLowerCase(Locale.ROOT), ref);
        }
        return byName;
    }

    /** The services of {@code type} for {@code chip} (null: every chip), best ranked first. */
    private <S> List<ServiceReference<S>> refs(Class<S> type, Integer chip) {
        try {
            Collection<ServiceReference<S>> found = context.getServiceReferences(type, chip == null ? null : ChipProperties.chipFilter(chip));
            List<ServiceReference<S>> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.reverseOrder());
            return sorted;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <S> Optional<ServiceReference<S>> first(Class<S> type, int chip) {
        return refs(type, chip).stream().findFirst();
    }

    private <S, T> T with(ServiceReference<S> ref, Function<S, T> action) {
        S service = context.getService(ref);
        if (service == null) {
            throw new Refused(503, "service gone: " + ref);
        }
        try {
            return action.apply(service);
        } finally {
            context.ungetService(ref);
        }
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
