package io.halcyon.launcher.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * The fleet command's side of hawkBit's Management API (v1): targets, software modules and their
 * artifacts, distribution sets, assignments, rollouts and their groups, actions. Every failure names
 * the call and what the server said.
 */
final class Mgmt {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;

    Mgmt(String server, String user, String password) {
        this.base = server.replaceAll("/+$", "") + "/rest/v1";
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** True once the server answers (for a starting server). */
    boolean answers() {
        try {
            get("/targets?limit=1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void createTarget(String controllerId, String token) throws IOException {
        post("/targets", List.of(Map.of("controllerId", controllerId, "name", controllerId, "securityToken", token)));
    }

    /** A software module of type {@code application} (any number per distribution set) holding one bundle jar. */
    long createModule(String name, String version, String description) throws IOException {
        Object r = post("/softwaremodules", List.of(Map.of("name", name, "version", version, "type", "application", "description", description)));
        return Json.number(r, -1, 0, "id");
    }

    /** The id of software module {@code name} {@code version}, or -1. */
    long findModule(String name, String version) throws IOException {
        String q = URLEncoder.encode("name==" + name + ";version==" + version, StandardCharsets.UTF_8);
        return Json.number(get("/softwaremodules?q=" + q), -1, "content", 0, "id");
    }

    /** The SHA-256 of each artifact of a software module. */
    List<String> artifactSha256s(long module) throws IOException {
        Object r = get("/softwaremodules/" + module + "/artifacts");
        List<?> items = r instanceof List<?> l ? l : Json.list(r, "content");
        return items.stream().map(a -> Json.string(a, "hashes", "sha256")).toList();
    }

    /** Uploads {@code jar} to module {@code module}; returns the hashes the server computed. */
    Object upload(long module, Path jar) throws IOException {
        String boundary = "halcyon-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/softwaremodules/" + module + "/artifacts", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** A distribution set of type {@code app} holding {@code modules}. */
    long createDistributionSet(String name, String version, List<Long> modules) throws IOException {
        List<Map<String, Object>> ids = new ArrayList<>();
        modules.forEach(m -> ids.add(Map.of("id", m)));
        Object r = post("/distributionsets", List.of(Map.of("name", name, "version", version, "type", "app", "modules", ids)));
        return Json.number(r, -1, 0, "id");
    }

    /** Assigns distribution set {@code ds} to the hosts (forced); returns the action ids. */
    List<Long> assign(long ds, List<String> controllerIds) throws IOException {
        List<Map<String, Object>> targets = new ArrayList<>();
        controllerIds.forEach(c -> targets.add(Map.of("id", c, "type", "forced")));
        Object r = post("/distributionsets/" + ds + "/assignedTargets", targets);
        return Json.list(r, "assignedActions").stream().map(a -> Json.number(a, -1, "id")).toList();
    }

    long createRollout(Map<String, Object> rollout) throws IOException {
        return Json.number(post("/rollouts", rollout), -1, "id");
    }

    Object rollout(long id) throws IOException {
        return get("/rollouts/" + id);
    }

    void startRollout(long id) throws IOException {
        send("POST", "/rollouts/" + id + "/start", null, HttpRequest.BodyPublishers.noBody());
    }

    List<?> groups(long rollout) throws IOException {
        return Json.list(get("/rollouts/" + rollout + "/deploygroups?limit=500&sort=id:ASC"), "content");
    }

    Object group(long rollout, long group) throws IOException {
        return get("/rollouts/" + rollout + "/deploygroups/" + group);
    }

    List<String> groupTargets(long rollout, long group) throws IOException {
        return Json.list(get("/rollouts/" + rollout + "/deploygroups/" + group + "/targets?limit=500"), "content").stream()
                .map(t -> Json.string(t, "controllerId")).toList();
    }

    /**
     * One action of a target as the fleet command needs it.
     *
     * @param distributionSet the distribution set it assigns
     * @param last the type of its newest status entry: {@code finished}, {@code error}, {@code running},
     *     {@code scheduled}, {@code canceled}, {@code retrieved}, {@code download}, ...
     * @param messages its status messages, newest first
     */
    record Action(long id, long distributionSet, String last, List<String> messages) {
        /**
         * Whether it has ended. Not hawkBit's {@code status} field, which says {@code finished} for any inactive
         * action, and a later group's action waits inactive ({@code scheduled}) until its group starts.
         */
        boolean closed() {
            return last.equals("finished") || last.equals("error") || last.equals("canceled");
        }

        boolean succeeded() {
            return last.equals("finished");
        }

        boolean failed() {
            return closed() && !last.equals("finished");
        }
    }

    /** The target's actions, oldest first. */
    List<Action> actions(String controllerId) throws IOException {
        List<Action> out = new ArrayList<>();
        String t = "/targets/" + enc(controllerId) + "/actions";
        for (Object a : Json.list(get(t + "?limit=500&sort=id:ASC"), "content")) {
            long id = Json.number(a, -1, "id");
            String href = Json.string(get(t + "/" + id), "_links", "distributionset", "href");
            long ds = href.isEmpty() ? -1 : Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
            List<?> statuses = new ArrayList<>(Json.list(get(t + "/" + id + "/status?limit=100"), "content"));
            statuses.sort((x, y) -> Long.compare(Json.number(y, 0, "id"), Json.number(x, 0, "id")));
            List<String> messages = new ArrayList<>();
            for (Object st : statuses) {
                for (Object m : Json.list(st, "messages")) {
                    if (m != null) {
                        messages.add(String.valueOf(m));
                    }
                }
            }
            out.add(new Action(id, ds, statuses.isEmpty() ? "" : Json.string(statuses.get(0), "type"), messages));
        }
        return out;
    }

    /** The distribution set the target reports installed, or -1. */
    long installedDistributionSet(String controllerId) throws IOException {
        try {
            return Json.number(get("/targets/" + enc(controllerId) + "/installedDS"), -1, "id");
        } catch (HttpError e) {
            if (e.status == 204 || e.status == 404) {
                return -1;
            }
            throw e;
        }
    }

    Object target(String controllerId) throws IOException {
        return get("/targets/" + enc(controllerId));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An answer other than 2xx. */
    static final class HttpError extends IOException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Object get(String path) throws IOException {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    private Object post(String path, Object json) throws IOException {
        return send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(Json.write(json), StandardCharsets.UTF_8));
    }

    private Object send(String method, String path, String contentType, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                .header("Accept", "application/json").method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + base + path + ": interrupted");
        } catch (IOException e) {
            throw new IOException(method + " " + base + path + ": no answer from hawkBit (" + e.getClass().getSimpleName() + ")");
        }
        if (r.statusCode() == 204) {
            throw new HttpError(204, method + " " + path + ": no content");
        }
        if (r.statusCode() / 100 != 2) {
            String text = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
            throw new HttpError(r.statusCode(), method + " " + path + ": HTTP " + r.statusCode() + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(300, text.length()))));
        }
        return r.body() == null || r.body().isBlank() ? null : Json.parse(r.body());
    }
}
