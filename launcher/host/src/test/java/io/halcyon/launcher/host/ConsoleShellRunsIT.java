package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Runs started from the shell show on the web console of the same host: {@code launcher/halcyon shell}
 * with {@code HALCYON_CONSOLE} on a free loopback port, its commands typed into its standard input (a
 * pipe: lines are read as they come), and Debian's headless Chromium looking at the pages. A
 * {@code hal:bringup} shows on the run page's timeline (the bring-up tells the console's
 * {@code BringUpListener}), a {@code hal:butr} and a {@code hal:hitl} on the tests page (the register tests
 * tell the console's {@code TestListener}). Skipped without chromium and chromedriver, except in CI.
 */
public class ConsoleShellRunsIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Process host;
    private static OutputStream shell;
    private static final StringBuffer shellOutput = new StringBuffer();
    private static WebDriver browser;
    private static String base;

    @BeforeClass
    public static void aShellHostWithItsConsoleAndABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/halcyon/";
        ProcessBuilder pb = new ProcessBuilder("bash", HalcyonScript.ROOT.resolve("launcher/halcyon").toString(), "shell")
                .redirectErrorStream(true);
        pb.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "HALCYON_DEPLOY", tmp.newFolder("deploy").toString(),
                "HALCYON_CONSOLE", String.valueOf(port), "TERM", "dumb",
                "HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + tmp.newFolder("state")));
        host = pb.start();
        Process started = host;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        shell = host.getOutputStream();
        Thread reader = new Thread(() -> drain(started.getInputStream()), "shell output");
        reader.setDaemon(true);
        reader.start();
        awaitShell("Web console at " + base, Duration.ofSeconds(90));

        browser = HeadlessChromium.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            try {
                type("exit");
            } catch (IOException e) {
                // already gone
            }
            if (!host.waitFor(30, TimeUnit.SECONDS)) {
                host.descendants().forEach(ProcessHandle::destroyForcibly);
                host.destroyForcibly();
            }
        }
    }

    @Test
    public void aBringUpFromTheShellShowsOnTheTimeline() throws Exception {
        browser.get(base + "run");
        WebElement chart = browser.findElement(By.id("bringup-chart"));
        new WebDriverWait(browser, BOUND).until(b -> chart.getAttribute("data-bringups") != null);
        int before = Integer.parseInt(chart.getAttribute("data-bringups"));

        int mark = shellOutput.length();
        type("hal:bringup");
        awaitShell("tensor-engine", BOUND, mark); // the shell printed its timeline: the run was the shell's
        // The open page redraws by itself (it polls the console), no reload.
        new WebDriverWait(browser, BOUND).until(b -> String.valueOf(before + 1).equals(chart.getAttribute("data-bringups"))
                && b.findElement(By.id("bringup-state")).getText().startsWith("finished"));
        List<WebElement> bars = browser.findElements(By.cssSelector("#bringup-chart rect.bringup-step"));
        assertEquals("a bar per bring-up step", 8, bars.size());
        assertTrue(browser.findElement(By.id("bringup-state")).getText(),
                browser.findElement(By.id("bringup-state")).getText().contains("8 of 8 steps"));
        String run = get("api/run");
        assertTrue(run, run.contains("\"step\":\"pll-lock\"") && run.contains("\"bringups\":" + (before + 1)));
        screenshot("shell-bringup");

        // A second hal:bringup finds the chip up: the page shows that run, every step already done.
        type("hal:bringup");
        new WebDriverWait(browser, BOUND).until(b -> String.valueOf(before + 2).equals(chart.getAttribute("data-bringups"))
                && b.findElement(By.id("bringup-state")).getText().startsWith("finished (the chip was already up)"));
        String again = get("api/run");
        assertTrue(again, again.contains("\"alreadyDone\":true") && !again.contains("\"alreadyDone\":false"));
    }

    @Test
    public void butrAndHitlRunsFromTheShellShowOnTheTestsPage() throws Exception {
        type("hal:butr sysctrl --seed 4242 --mode non-destructive");
        awaitTestsPage("seed 4242");
        String state = browser.findElement(By.id("tests-state")).getText();
        assertTrue(state, state.startsWith("non-destructive mode, run at") && state.contains("by the shell or a tool")
                && state.contains("block sysctrl"));
        List<WebElement> platforms = browser.findElements(By.cssSelector("#tests th[data-platform]"));
        assertEquals("hal:butr runs chip 0 only", 1, platforms.size());
        String total = browser.findElement(By.cssSelector("#tests th[data-platform=emulation]")).getText();
        assertTrue(total, total.matches("\\d+ / 0 / \\d+") && !total.startsWith("0 "));
        screenshot("shell-butr");

        type("hal:hitl sysctrl --seed 4343 --mode non-destructive");
        awaitTestsPage("seed 4343");
        assertEquals("hal:hitl: a column per configured platform", 3, browser.findElements(By.cssSelector("#tests th[data-platform]")).size());
        assertTrue(browser.getPageSource(), browser.findElement(By.id("tests")).getText().contains("production (not attached)"));
        String hitlTotal = browser.findElement(By.cssSelector("#tests th[data-platform=emulation]")).getText();
        assertTrue(hitlTotal, hitlTotal.matches("\\d+ / 0 / \\d+") && !hitlTotal.startsWith("0 "));
        screenshot("shell-hitl");
    }

    /** The tests page is drawn when asked for: load it until it shows the run. */
    private static void awaitTestsPage(String expected) {
        String[] seen = {""};
        try {
            new WebDriverWait(browser, BOUND).ignoring(StaleElementReferenceException.class).until(b -> {
                b.get(base + "tests");
                seen[0] = b.findElement(By.id("tests-state")).getText();
                return seen[0].contains(expected);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the tests page did not show '" + expected + "'; last seen: " + seen[0] + "; shell: " + shellOutput, e);
        }
    }

    private static synchronized void type(String line) throws IOException {
        shell.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        shell.flush();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                shellOutput.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                synchronized (shellOutput) {
                    shellOutput.notifyAll();
                }
            }
        } catch (IOException e) {
            // the host ended
        }
        synchronized (shellOutput) {
            shellOutput.notifyAll();
        }
    }

    private static void awaitShell(String text, Duration bound) throws InterruptedException {
        awaitShell(text, bound, 0);
    }

    /** Waits until the shell's output after {@code from} holds {@code text}, or fails naming what it printed. */
    private static void awaitShell(String text, Duration bound, int from) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        synchronized (shellOutput) {
            while (shellOutput.indexOf(text, from) < 0) {
                long left = end - System.nanoTime();
                if (left <= 0 || !host.isAlive() && shellOutput.indexOf(text, from) < 0) {
                    throw new AssertionError("the shell did not print '" + text + "'; it printed: " + shellOutput);
                }
                TimeUnit.NANOSECONDS.timedWait(shellOutput, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        }
    }

    private static String get(String page) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
