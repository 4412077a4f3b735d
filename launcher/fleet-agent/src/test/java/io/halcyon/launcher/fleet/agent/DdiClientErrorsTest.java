package io.halcyon.launcher.fleet.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.sun.net.httpserver.HttpServer;

/**
 * A server that answers every DDI call with an error (hawkBit overloaded, a proxy in front of it failing):
 * each call fails with one message naming the call, the status and what the server said, and a download
 * leaves no file behind, so the agent applies nothing and retries (its backoff is the same as for a server
 * that is gone, which {@code FleetRolloutIT} shows with a killed hawkBit).
 */
public class DdiClientErrorsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HttpServer server;
    private DdiClient client;
    private String base;

    @Before
    public void serverAnsweringErrors() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "internal trouble".getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().contains("/download") ? 503 : 500;
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new DdiClient(base, "DEFAULT", "host-1", "token");
    }

    @After
    public void stop() {
        server.stop(0);
    }

    @Test
    public void aPollAnsweredWithAnErrorNamesTheCallTheStatusAndTheServersWords() {
        DdiClient.DdiException e = assertThrows(DdiClient.DdiException.class, client::poll);
        assertEquals(500, e.status());
        assertEquals("GET " + base + "/DEFAULT/controller/v1/host-1: HTTP 500: internal trouble", e.getMessage());
    }

    @Test
    public void feedbackAnsweredWithAnErrorFails() {
        DdiClient.DdiException e = assertThrows(DdiClient.DdiException.class,
                () -> client.feedback("7", "closed", "success", List.of("updated")));
        assertEquals(500, e.status());
        assertTrue(e.getMessage(), e.getMessage().startsWith("POST " + base + "/DEFAULT/controller/v1/host-1/deploymentBase/7/feedback: HTTP 500"));
    }

    @Test
    public void aDownloadAnsweredWithAnErrorLeavesNoFile() {
        Path file = tmp.getRoot().toPath().resolve("block.jar");
        DdiClient.DdiException e = assertThrows(DdiClient.DdiException.class,
                () -> client.download(base + "/DEFAULT/controller/v1/host-1/softwaremodules/1/artifacts/block.jar/download", file));
        assertEquals(503, e.status());
        assertFalse("nothing half-written", file.toFile().exists());
    }
}
