package io.halcyon.launcher.fleet.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's side of hawkBit's Device Integration API, limited to the calls hawkBit 1.x still serves
 * unchanged (poll the controller base, read a deployment, post its feedback, read and acknowledge a
 * cancel, download an artifact), every one authenticated with the target token. The feedback carries
 * the action's {@code id}, which 0.3.0M7 requires and later versions ignore.
 */
public final class DdiClient {

    /** An answer other than 2xx, or no answer. */
    public static final class DdiException extends IOException {
        private final int status;

        DdiException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status, or 0 when the server did not answer. */
        public int status() {
            return status;
        }
    }

    /**
     * What one poll says.
     *
     * @param sleep how long the server asks the host to wait before the next poll
     * @param deploymentAction the action id of an assigned deployment, or null
     * @param cancelAction the action id of a cancel request, or null
     */
    public record Poll(Duration sleep, String deploymentAction, String cancelAction) {
    }

    private static final Pattern ACTION = Pattern.compile("/(deploymentBase|cancelAction)/(\\d+)");
    private static final Pattern SLEEP = Pattern.compile("(\\d+):(\\d+):(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /**
     * @param server e.g. {@code http://127.0.0.1:8090}
     * @param tenant hawkBit's tenant ({@code DEFAULT})
     */
    public DdiClient(String server, String tenant, String controllerId, String token) {
        this.base = server.replaceAll("/+$", "") + "/" + tenant + "/controller/v1/" + controllerId;
        this.token = token;
    }

    public Poll poll() throws IOException {
        Object body = Json.parse(get(base));
        Matcher sleep = SLEEP.matcher(Json.string(body, "config", "polling", "sleep"));
        Duration d = sleep.matches()
                ? Duration.ofSeconds(Long.parseLong(sleep.group(1)) * 3600 + Long.parseLong(sleep.group(2)) * 60 + Long.parseLong(sleep.group(3)))
                : Duration.ofSeconds(30);
        return new Poll(d, actionOf(Json.string(body, "_links", "deploymentBase", "href")),
                actionOf(Json.string(body, "_links", "cancelAction", "href")));
    }

    private static String actionOf(String href) {
        Matcher m = ACTION.matcher(href);
        return m.find() ? m.group(2) : null;
    }

    /** The deployment of an action: {@code deployment.chunks[].artifacts[]}. */
    public Object deployment(String actionId) throws IOException {
        return Json.parse(get(base + "/deploymentBase/" + actionId));
    }

    /**
     * Feedback on a deployment action.
     *
     * @param execution {@code proceeding}, {@code closed}, ...
     * @param finished {@code none}, {@code success} or {@code failure}
     */
    public void feedback(String actionId, String execution, String finished, List<String> details) throws IOException {
        post(base + "/deploymentBase/" + actionId + "/feedback", feedbackBody(actionId, execution, finished, details));
    }

    /** The action the server wants stopped by cancel action {@code cancelId}. */
    public String cancelStopId(String cancelId) throws IOException {
        return Json.string(Json.parse(get(base + "/cancelAction/" + cancelId)), "cancelAction", "stopId");
    }

    public void cancelFeedback(String cancelId, String finished, List<String> details) throws IOException {
        post(base + "/cancelAction/" + cancelId + "/feedback", feedbackBody(cancelId, "closed", finished, details));
    }

    static String feedbackBody(String actionId, String execution, String finished, List<String> details) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("execution", execution);
        status.put("result", Map.of("finished", finished));
        status.put("details", details);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", actionId);
        body.put("status", status);
        return Json.write(body);
    }

    /** Downloads {@code url} (an artifact link of a deployment) to {@code file}. */
    public void download(String url, Path file) throws IOException {
        HttpRequest request = request(url).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new DdiException(response.statusCode(), "GET " + url + ": HTTP " + response.statusCode());
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String get(String url) throws IOException {
        return body("GET " + url, send(request(url).header("Accept", "application/hal+json").GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private void post(String url, String json) throws IOException {
        body("POST " + url, send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "TargetToken " + token);
    }

    private static String body(String what, HttpResponse<String> response) throws DdiException {
        int s = response.statusCode();
        if (s / 100 != 2) {
            String reason = s == 401 || s == 403 ? " (the server does not accept this host's target token)" : s == 404 ? " (unknown to the server)" : "";
            String text = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            throw new DdiException(s, what + ": HTTP " + s + reason + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DdiException(0, request.method() + " " + request.uri() + ": interrupted");
        } catch (IOException e) {
            throw new DdiException(0, request.method() + " " + request.uri() + ": no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
