package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (issue 18): Debian's headless Chromium, driven through its
 * chromedriver, against {@code launcher/halcyon serve} on the emulated chip, with a users file of its
 * own, a state directory of its own and a free loopback port. Each test looks at a page as an operator
 * would, checks what it shows after an action, and saves a screenshot under target/screenshots/.
 * Without chromium and chromedriver the tests are skipped, except in CI (CI=true), which installs them.
 */
public class ConsoleBrowserIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse battery staple";

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Process host;
    private static WebDriver browser;
    private static String base;
    private static Path deploy;

    @BeforeClass
    public static void aServingHostAndABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path users = tmp.newFile("users").toPath();
        Files.writeString(users, usersLine() + "\n");
        deploy = tmp.newFolder("deploy").toPath();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/halcyon/";
        ProcessBuilder pb = new ProcessBuilder("bash", HalcyonScript.ROOT.resolve("launcher/halcyon").toString(), "serve")
                .redirectError(tmp.newFile("host.err"));
        pb.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "HALCYON_DEPLOY", deploy.toString(),
                "HALCYON_CONSOLE", String.valueOf(port), "HALCYON_CONSOLE_USERS", users.toString(),
                "HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + tmp.newFolder("state")));
        host = pb.start();
        // Should this JVM be stopped before @AfterClass runs, the host goes with it.
        Process started = host;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        String ready = HostProcess.awaitLine(host, l -> l.contains("web console at"), Duration.ofSeconds(90));
        assertTrue("the host says where its console is: " + ready + "; stderr: " + Files.readString(tmp.getRoot().toPath().resolve("host.err")),
                ready != null && ready.contains(base));

        browser = HeadlessChromium.start();
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.descendants().forEach(ProcessHandle::destroyForcibly);
            host.destroyForcibly();
        }
    }

    /** A users-file line made by the console's own tool, as an operator makes one. */
    private static String usersLine() throws Exception {
        Path jar;
        try (var files = Files.list(HostProcess.HOME.resolve("export/emulation"))) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("launcher-webconsole-")).findFirst().orElseThrow();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jar.toString(),
                "io.halcyon.launcher.webconsole.Credentials", USER).start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue("exits 0", p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        assertTrue(line, line.startsWith(USER + ":pbkdf2-sha256:"));
        return line;
    }

    @Test
    public void chipsPageShowsIdentityPlatformAndEveryBlockWithItsDriver() throws Exception {
        browser.get(base);
        assertTrue(text("td.identity"), text("td.identity").startsWith("chip 0x484c4359 gen 1"));
        assertTrue(text("td.platform"), text("td.platform").startsWith("emulation"));
        List<WebElement> blocks = browser.findElements(By.cssSelector("table.blocks tr[data-block]"));
        assertEquals(9, blocks.size());
        WebElement sysctrl = browser.findElement(By.cssSelector("tr[data-block=sysctrl]"));
        assertTrue(sysctrl.getText(), sysctrl.getText().contains("io.halcyon.block.sysctrl") && sysctrl.getText().contains("driver active"));
        assertTrue(text("td.health"), text("td.health").contains("9 of 9 block drivers active"));
        screenshot("chips");
    }

    @Test
    public void aWriteShowsTheNewValueAndBadWritesAreRefusedWithTheShellsWordsWritingNothing() throws Exception {
        browser.get(base + "registers?block=sysctrl");
        write("SCRATCH", "0x2a", USER, PASSWORD);
        awaitText("#result", "wrote 0x0000002a to sysctrl.SCRATCH");
        assertTrue(scratch(), scratch().contains("sysctrl.SCRATCH @ 0x0000000c = 0x0000002a"));
        screenshot("register-written");

        write("SCRATCH", "0x1ffffffff", USER, PASSWORD);
        awaitText("#refused", "refused: value 0x1ffffffff too wide for sysctrl.SCRATCH: 32 bits, allowed 0x0..0xffffffff");
        write("VERSION", "REVISION=2", USER, PASSWORD);
        awaitText("#refused", "refused: sysctrl.VERSION.REVISION is not software-writable (sw=r)");
        write("SCRATCH", "0x55", "", "");
        awaitText("#refused", "refused: a change needs credentials: give a user and password");
        write("SCRATCH", "0x55", USER, "wrong");
        awaitText("#refused", "refused: wrong user or password");
        screenshot("register-refused");
        browser.get(base + "registers?block=sysctrl");
        assertTrue("nothing was written: " + scratch(), scratch().contains("= 0x0000002a"));

        // An unknown block, and a side-effect read without the option: the shell's reasons, and HTTP says so too.
        HttpResponse<String> unknown = post("registers", "block=nosuch&register=X&value=1&user=" + USER + "&password=" + PASSWORD.replace(' ', '+'));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("refused: unknown block &#39;nosuch&#39;; blocks: clkrst, dma, hbm"));
        browser.get(base + "registers?block=hbm");
        assertTrue("a read-to-clear register is not read by the view", text("#reg-ECC_CORRECTED").contains("not read: its read has side effects"));
        browser.get(base + "registers?block=hbm&read=ECC_CORRECTED");
        awaitText("#refused", "refused: hbm.ECC_CORRECTED changes when read (read-to-clear or FIFO); repeat with hal:read -f to read it anyway");
        browser.get(base + "registers?block=hbm");
        new WebDriverWait(browser, BOUND).ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(By.cssSelector("#reg-ECC_CORRECTED a.read-anyway")).click();
            return true;
        });
        awaitText("#asked", "hbm.ECC_CORRECTED @ 0x00030010 = ");

        // The register view is live: a change made elsewhere (here by an HTTP client, as curl would) shows
        // in the open page without reloading it.
        browser.get(base + "registers?block=sysctrl");
        HttpResponse<String> elsewhere = post("registers", "block=sysctrl&register=SCRATCH&value=0x77&user=" + USER + "&password="
                + PASSWORD.replace(' ', '+'));
        assertEquals(elsewhere.body(), 200, elsewhere.statusCode());
        awaitText("#reg-SCRATCH", "sysctrl.SCRATCH @ 0x0000000c = 0x00000077");

        browser.get(base + "history");
        String audit = text("#audit");
        assertTrue(audit, audit.contains("alice@127.0.0.1 write chip 0 sysctrl.SCRATCH 0x2a: wrote 0x0000002a to sysctrl.SCRATCH"));
        assertTrue(audit, audit.contains("(no user)@127.0.0.1 write chip 0 sysctrl.SCRATCH 0x55: refused: a change needs credentials"));
    }

    @Test
    public void theHistoryShowsALiveUpdate() throws Exception {
        Path next = AssemblyJars.withHeaders(AssemblyJars.exported("block-sysctrl-"), tmp.getRoot().toPath().resolve("sysctrl-7.0.1.jar"),
                Map.of("Bundle-Version", "7.0.1"));
        // Into the hot-deploy directory, as an operator drops a jar on a running host.
        Files.copy(next, deploy.resolve("block-sysctrl.jar"));
        browser.get(base + "history");
        new WebDriverWait(browser, BOUND).until(b -> {
            b.navigate().refresh();
            return b.findElements(By.cssSelector("#history tr.outcome-updated")).stream().anyMatch(r -> r.getText().contains("-> 7.0.1"));
        });
        WebElement row = browser.findElements(By.cssSelector("#history tr.outcome-updated")).stream()
                .filter(r -> r.getText().contains("-> 7.0.1")).findFirst().orElseThrow();
        assertTrue(row.getText(), row.getText().contains("sysctrl") && row.getText().contains("register checks"));
        assertTrue(row.getText(), row.getText().matches("(?s).*install [0-9.]+.*"));
        screenshot("history");
        browser.get(base);
        assertTrue("the chips page shows the new driver version",
                browser.findElement(By.cssSelector("tr[data-block=sysctrl]")).getText().contains("7.0.1"));
    }

    @Test
    public void theLossChartAndBringUpTimelineAfterTraining() throws Exception {
        browser.get(base + "run");
        // A long plan, so that the page is seen redrawing while the run goes on.
        browser.findElement(By.id("steps")).sendKeys("4000");
        browser.findElement(By.id("user")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("start")).click();
        awaitText("#result", "bring-up and training started by alice");
        WebElement chart = browser.findElement(By.id("loss-chart"));
        int[] seen = new int[1];
        new WebDriverWait(browser, BOUND).until(b -> {
            String state = b.findElement(By.id("run-state")).getText();
            String p = chart.getAttribute("data-points");
            if (state.startsWith("running") && p != null && Integer.parseInt(p) > 1) {
                seen[0] = Integer.parseInt(p);
                return true;
            }
            return state.startsWith("finished");
        });
        assertTrue("the chart was drawn while the run went on", seen[0] > 1);
        new WebDriverWait(browser, BOUND).until(b -> b.findElement(By.id("run-state")).getText().startsWith("finished"));
        int points = Integer.parseInt(chart.getAttribute("data-points"));
        int steps = Integer.parseInt(chart.getAttribute("data-steps"));
        assertEquals(4000, steps);
        assertEquals("a point per step and one for the initial weights", steps + 1, points);
        assertTrue("the chart grew after it was first seen mid-run: " + seen[0] + " then " + points, points > seen[0]);
        double initial = Double.parseDouble(chart.getAttribute("data-initial-loss"));
        double last = Double.parseDouble(chart.getAttribute("data-final-loss"));
        assertTrue("the loss falls below 5 % of its initial value: " + initial + " -> " + last, last < 0.05 * initial);
        assertTrue(browser.findElement(By.id("loss-line")).getAttribute("points").split(" ").length == points);
        assertTrue("a bar per bring-up step",
                browser.findElements(By.cssSelector("#bringup-chart rect.bringup-step")).size() >= 5);
        screenshot("training");
    }

    @Test
    public void registerTestsPerPlatformAndTheRegisterMaps() throws Exception {
        browser.get(base + "tests");
        browser.findElement(By.id("run-tests")).click();
        awaitText("#tests-state", "non-destructive mode, run at");
        String total = browser.findElement(By.cssSelector("#tests th[data-platform=emulation]")).getText();
        assertTrue(total, total.matches("\\d+ / 0 / \\d+") && !total.startsWith("0 "));
        screenshot("tests");

        browser.get(base + "maps");
        List<WebElement> maps = browser.findElements(By.cssSelector("#maps a"));
        assertTrue("a map per block type: " + maps.size(), maps.size() >= 9);
        browser.findElements(By.cssSelector("#maps a")).stream().filter(a -> a.getText().equals("sysctrl")).findFirst().orElseThrow().click();
        assertEquals("Register map: sysctrl", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getPageSource().contains("SCRATCH"));
        screenshot("map-sysctrl");
    }

    private static void write(String register, String value, String user, String password) {
        browser.findElement(By.id("register")).clear();
        browser.findElement(By.id("register")).sendKeys(register);
        browser.findElement(By.id("value")).clear();
        browser.findElement(By.id("value")).sendKeys(value);
        browser.findElement(By.id("user")).clear();
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("write")).click();
    }

    private static String scratch() {
        return text("#reg-SCRATCH");
    }

    /** The element's text; the live register table is replaced every second, so a stale element is looked up again. */
    private static String text(String css) {
        return new WebDriverWait(browser, BOUND).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElement(By.cssSelector(css)).getText());
    }

    /** Waits until the element shows {@code expected} (the page the last click loads has it). */
    private static void awaitText(String css, String expected) {
        List<String> seen = new ArrayList<>();
        try {
            new WebDriverWait(browser, BOUND).ignoring(StaleElementReferenceException.class).until(b -> {
                List<WebElement> found = b.findElements(By.cssSelector(css));
                String t = found.isEmpty() ? "" : found.get(0).getText();
                seen.add(t);
                return t.contains(expected);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(css + " did not show '" + expected + "'; last seen: " + (seen.isEmpty() ? "" : seen.get(seen.size() - 1)), e);
        }
    }

    private static HttpResponse<String> post(String page, String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + page))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
