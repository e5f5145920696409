package io.aftercart.app.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny in-process /v1/batch that deduplicates by messageId and can be told to answer 503 or 401 first. */
final class FakeCollector implements AutoCloseable {

    record Request(String authorization, JsonNode body, int bytes, int status) {
        List<String> messageIds() {
            List<String> ids = new ArrayList<>();
            body.path("batch").forEach(e -> ids.add(e.path("messageId").asString()));
            return ids;
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Deque<Integer> scriptedStatuses = new ConcurrentLinkedDeque<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/batch", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next requests get these statuses (with Retry-After: 0 for 503) before normal service resumes. */
    void answerNext(int... statuses) {
        for (int status : statuses) scriptedStatuses.add(status);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = json.readTree(raw);
        Integer scripted = scriptedStatuses.poll();
        int status = scripted == null ? 200 : scripted;
        requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body, raw.length, status));
        StringBuilder response = new StringBuilder();
        if (status == 200) {
            response.append("{\"results\":[");
            List<String> statuses = new ArrayList<>();
            body.path("batch").forEach(e -> statuses.add(
                    "{\"status\":\"" + (seen.add(e.path("messageId").asString()) ? "accepted" : "duplicate") + "\"}"));
            response.append(String.join(",", statuses)).append("]}");
        } else {
            if (status == 503) exchange.getResponseHeaders().add("Retry-After", "0");
            response.append("{\"title\":\"scripted\",\"status\":").append(status).append('}');
        }
        byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
