package io.aftercart.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small seeded fuzzer for the collector's HTTP intake: each request starts from a valid one and is broken in one
 * of many ways — at the byte level (broken, truncated, invalid or overlong UTF-8, NUL), in the JSON tree (wrong
 * types, hostile strings and numbers, unknown fields, deep nesting, huge values), in the raw text (duplicate keys,
 * non-finite numbers) or in the envelope (content type, gzip, write key, headers). The same seed gives the same
 * requests.
 */
final class HostileRequests {

    static final List<String> COLLECTOR_PATHS = List.of("/v1/track", "/v1/identify", "/v1/page", "/v1/screen",
            "/v1/group", "/v1/alias", "/v1/t", "/v1/i", "/v1/p", "/v1/s", "/v1/g", "/v1/a", "/v1/batch", "/v1/b",
            "/v1/import", "/api/v1/events");

    private static final List<String> HOSTILE_STRINGS = List.of("'; DROP TABLE events; --", "\" OR 1=1 --",
            "1'); DELETE FROM seen_messages; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1:1/x}", "#{7*7}", "{{7*7}}", "T(java.lang.Runtime).getRuntime()",
            "../../../../etc/passwd", "%00%0d%0a", "\u0000", "\uFEFF", "\u202Eevil", "😀👍🏽", "\uD800",
            "𝕬𝖋𝖙𝖊𝖗𝖈𝖆𝖗𝖙", "", " ", "null", "NaN", "-0", "1e999", "java.lang.Object", "@class",
            "\\u0000", "\r\n\r\nHTTP/1.1 200 OK");
    private static final List<String> HOSTILE_NUMBERS = List.of("1e999", "-1e999", "-0", "-0.0", "NaN", "Infinity",
            "-Infinity", "1.7976931348623157e309", "4.9e-325", "123456789012345678901234567890123456789",
            "0x10", "01", "1.", ".5", "+1", "1e", "--1", "9".repeat(1200), "1" + "0".repeat(400) + ".5");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "text/xml", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "application/octet-stream",
            "*/*", "application/json;;;", "json", "application/problem+json", "text/html; charset=latin1");
    private static final List<String> FIELDS = List.of("type", "event", "userId", "anonymousId", "messageId",
            "timestamp", "originalTimestamp", "sentAt", "properties", "traits", "context", "writeKey", "batch",
            "events", "id", "customerId", "time", "groupId", "previousId", "integrations");
    /** Around the 32 KB event and 500 KB request limits. */
    private static final List<Integer> HUGE_SIZES = List.of(20_000, 33_000, 120_000, 499_000, 600_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final SampleEvents events;
    private final String basicAuth;
    private final String writeKey;

    HostileRequests(long seed, String writeKey, String basicAuth) {
        this.random = new Random(seed);
        this.events = new SampleEvents(seed, "hostile-" + seed);
        this.writeKey = writeKey;
        this.basicAuth = basicAuth;
    }

    /** One request, and what was done to it (to reproduce a failure). */
    record HostileRequest(String attack, String path, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 400), ISO_8859_1)
                    .replaceAll("[^\\x20-\\x7e]", "?");
            return attack + " POST " + path + " " + headers.keySet() + " (" + body.length + " bytes) " + shown;
        }
    }

    HostileRequest next() {
        String path = COLLECTOR_PATHS.get(random.nextInt(COLLECTOR_PATHS.size()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json");
        headers.put("Authorization", basicAuth);
        JsonNode valid = validBody(path);
        int attack = random.nextInt(17);
        return switch (attack) {
            case 0 -> new HostileRequest("byte mutations", path, headers, mutateBytes(bytes(valid)));
            case 1 -> new HostileRequest("truncated", path, headers, truncate(bytes(valid)));
            case 2 -> new HostileRequest("wrong types", path, headers, bytes(replaceRandomNode(valid, hostileValue())));
            case 3 -> new HostileRequest("huge string", path, headers,
                    bytes(replaceRandomNode(valid, NODES.stringNode("x".repeat(pick(HUGE_SIZES))))));
            case 4 -> new HostileRequest("deep nesting", path, headers, deepNesting(valid));
            case 5 -> new HostileRequest("bad UTF-8", path, headers, insertIntoString(bytes(valid), badUtf8()));
            case 6 -> new HostileRequest("NUL", path, headers, insertIntoString(bytes(valid),
                    random.nextBoolean() ? new byte[] {0} : "\\u0000".getBytes(UTF_8)));
            case 7 -> new HostileRequest("unknown fields", path, headers, bytes(addUnknownFields(valid)));
            case 8 -> new HostileRequest("hostile numbers", path, headers, hostileNumber(valid));
            case 9 -> new HostileRequest("duplicate keys", path, headers, duplicateKeys(valid));
            case 10 -> wrongContentType(path, headers, valid);
            case 11 -> badGzip(path, headers, valid);
            case 12 -> badWriteKey(path, headers, valid);
            case 13 -> absurdHeaders(path, headers, valid);
            case 14 -> new HostileRequest("not an object", path, headers, notAnObject());
            case 15 -> new HostileRequest("batch shape", path, headers, badBatch(path, valid));
            default -> new HostileRequest("hostile strings", path, headers,
                    bytes(replaceRandomNode(valid, NODES.stringNode(pick(HOSTILE_STRINGS)))));
        };
    }

    private JsonNode validBody(String path) {
        String customer = "hostile-customer-" + random.nextInt(50);
        if (path.endsWith("/batch") || path.endsWith("/b") || path.endsWith("/import")) {
            ObjectNode body = NODES.objectNode();
            ArrayNode batch = body.putArray("batch");
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                batch.add(random.nextBoolean() ? events.segmentTrack(customer, events.randomTrackName())
                        : events.segmentIdentify(customer));
            }
            return body;
        }
        if (path.equals("/api/v1/events")) {
            ArrayNode batch = NODES.arrayNode();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                batch.add(events.canonicalTrack(customer, events.randomTrackName(), java.time.Instant.now()));
            }
            return random.nextBoolean() ? batch : batch.get(0);
        }
        return path.endsWith("/identify") || path.endsWith("/i") ? events.segmentIdentify(customer)
                : events.segmentTrack(customer, events.randomTrackName());
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.arrayNode().add(1).add("two").addNull();
            case 5 -> NODES.objectNode().put("$where", "1 == 1").put("@class", "java.lang.ProcessBuilder");
            case 6 -> NODES.numberNode(new java.math.BigDecimal("1e-400"));
            case 7 -> NODES.numberNode(new java.math.BigInteger("9".repeat(300)));
            case 8 -> NODES.stringNode("");
            default -> NODES.stringNode(pick(HOSTILE_STRINGS));
        };
    }

    /** Replaces a random node of the tree (any depth, the root included) with {@code value}. */
    private JsonNode replaceRandomNode(JsonNode root, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        if (random.nextInt(20) == 0 || containers.isEmpty()) {
            return value;
        }
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            object.set(names.isEmpty() ? pick(FIELDS) : names.get(random.nextInt(names.size())), value);
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty()) {
                array.add(value);
            } else {
                array.set(random.nextInt(array.size()), value);
            }
        }
        return root;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private JsonNode addUnknownFields(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        for (JsonNode container : containers) {
            if (container instanceof ObjectNode object && random.nextBoolean()) {
                for (int i = random.nextInt(5); i >= 0; i--) {
                    String name = switch (random.nextInt(4)) {
                        case 0 -> pick(List.of("__proto__", "constructor", "@type", "$ref", "class", ""));
                        case 1 -> pick(HOSTILE_STRINGS);
                        case 2 -> "field" + random.nextInt(1_000_000);
                        default -> "k".repeat(1 + random.nextInt(5_000));
                    };
                    object.set(name, hostileValue());
                }
            }
        }
        return root;
    }

    private byte[] mutateBytes(byte[] body) {
        byte[] mutated = body.clone();
        for (int i = 1 + random.nextInt(8); i > 0 && mutated.length > 0; i--) {
            int at = random.nextInt(mutated.length);
            switch (random.nextInt(4)) {
                case 0 -> mutated[at] = (byte) random.nextInt(256);
                case 1 -> mutated[at] = (byte) "{}[]\",:\\".charAt(random.nextInt(8));
                case 2 -> mutated = splice(mutated, at, new byte[] {(byte) random.nextInt(256)});
                default -> {
                    int end = Math.min(mutated.length, at + 1 + random.nextInt(20));
                    byte[] shorter = Arrays.copyOf(mutated, mutated.length - (end - at));
                    System.arraycopy(mutated, end, shorter, at, mutated.length - end);
                    mutated = shorter;
                }
            }
        }
        return mutated;
    }

    private byte[] truncate(byte[] body) {
        return Arrays.copyOf(body, random.nextInt(body.length));
    }

    private byte[] deepNesting(JsonNode valid) {
        int depth = random.nextBoolean() ? 100_000 : 400 + random.nextInt(2_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String text = switch (random.nextInt(3)) {
            case 0 -> open.repeat(depth);
            case 1 -> "[".repeat(depth) + "]".repeat(depth);
            default -> {
                String event = new String(bytes(valid), UTF_8);
                int brace = event.lastIndexOf('}');
                yield event.substring(0, brace) + ",\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
        };
        return text.getBytes(UTF_8);
    }

    private byte[] badUtf8() {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[] {(byte) 0xC3, 0x28};
            case 1 -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case 2 -> new byte[] {(byte) 0xC0, (byte) 0xAF};
            case 3 -> new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF};
            case 4 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
            case 5 -> new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
            case 6 -> new byte[] {(byte) 0xF0, (byte) 0x9F};
            default -> new byte[] {(byte) 0x80};
        };
    }

    /** Inserts raw bytes right after the opening quote of a random string in the JSON text. */
    private byte[] insertIntoString(byte[] json, byte[] insert) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                quotes.add(i + 1);
            }
        }
        int at = quotes.isEmpty() ? 0 : quotes.get(random.nextInt(quotes.size()));
        return splice(json, at, insert);
    }

    private byte[] hostileNumber(JsonNode valid) {
        String text = new String(bytes(replaceRandomNode(valid, NODES.stringNode("@@NUMBER@@"))), UTF_8);
        return text.replace("\"@@NUMBER@@\"", pick(HOSTILE_NUMBERS)).getBytes(UTF_8);
    }

    private byte[] duplicateKeys(JsonNode valid) {
        String text = new String(bytes(valid), UTF_8);
        String field = pick(FIELDS);
        String duplicate = "\"" + field + "\":" + (random.nextBoolean() ? "\"other\"" : "[1]") + ",";
        int brace = text.indexOf('{');
        return brace < 0 ? text.getBytes(UTF_8)
                : (text.substring(0, brace + 1) + duplicate + duplicate + text.substring(brace + 1)).getBytes(UTF_8);
    }

    private HostileRequest wrongContentType(String path, Map<String, String> headers, JsonNode valid) {
        headers.put("Content-Type", pick(CONTENT_TYPES));
        byte[] body = switch (random.nextInt(3)) {
            case 0 -> bytes(valid);
            case 1 -> new String(bytes(valid), UTF_8).getBytes(UTF_16);
            default -> "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xy".getBytes(UTF_8);
        };
        return new HostileRequest("content type", path, headers, body);
    }

    private HostileRequest badGzip(String path, Map<String, String> headers, JsonNode valid) {
        headers.put("Content-Encoding", pick(List.of("gzip", "GZIP", " gzip ", "deflate", "br", "gzip, gzip")));
        byte[] gzipped = gzip(bytes(valid));
        byte[] body = switch (random.nextInt(6)) {
            case 0 -> bytes(valid);
            case 1 -> Arrays.copyOf(gzipped, random.nextInt(gzipped.length));
            case 2 -> mutateBytes(gzipped);
            case 3 -> gzip(new byte[2_000_000]);
            case 4 -> gzip(gzipped);
            default -> gzipped;
        };
        return new HostileRequest("gzip", path, headers, body);
    }

    private HostileRequest badWriteKey(String path, Map<String, String> headers, JsonNode valid) {
        String credentials = switch (random.nextInt(10)) {
            case 0 -> "Basic";
            case 1 -> "Basic !!!not-base64!!!";
            case 2 -> "Basic " + Base64.getEncoder().encodeToString(":".getBytes(UTF_8));
            case 3 -> "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':'});
            case 4 -> "Basic " + Base64.getEncoder().encodeToString(("wrong-" + writeKey + ":").getBytes(UTF_8));
            case 5 -> "Bearer " + writeKey;
            case 6 -> "Basic " + "A".repeat(6_000);
            case 7 -> "basic " + Base64.getEncoder().encodeToString((writeKey + ":x:y").getBytes(UTF_8));
            case 8 -> null;
            default -> "Basic " + Base64.getEncoder().encodeToString(pick(HOSTILE_STRINGS).getBytes(UTF_8));
        };
        if (credentials == null) {
            headers.remove("Authorization");
            if (valid instanceof ObjectNode object) {
                object.set("writeKey", random.nextBoolean() ? hostileValue() : NODES.stringNode(writeKey));
            }
        } else {
            headers.put("Authorization", credentials);
        }
        return new HostileRequest("write key", path, headers, bytes(valid));
    }

    private HostileRequest absurdHeaders(String path, Map<String, String> headers, JsonNode valid) {
        switch (random.nextInt(4)) {
            case 0 -> headers.put("X-Absurd", "y".repeat(1_000 + random.nextInt(30_000)));
            case 1 -> {
                for (int i = 0; i < 50 + random.nextInt(200); i++) {
                    headers.put("X-Many-" + i, Integer.toString(i));
                }
            }
            case 2 -> headers.put("X-Latin1", new String(new byte[] {(byte) 0xE9, (byte) 0xFF, 0x41}, ISO_8859_1));
            default -> headers.put("Content-Type", "application/json; " + "p=v; ".repeat(500));
        }
        return new HostileRequest("headers", path, headers, bytes(valid));
    }

    private byte[] notAnObject() {
        return pick(List.of("", " ", "[]", "[null]", "\"event\"", "1", "null", "true", "{}", "{\"batch\":null}",
                "\uFEFF{\"type\":\"track\"}", "{\"a\":1}garbage", "{\"a\":1}{\"b\":2}", "{'single':'quotes'}",
                "{\"a\":1,}", "[1,]", "/* comment */ {}", "{\"a\" 1}", "\"\\ud800\"", "{\"a\":\"\\x41\"}"))
                .getBytes(UTF_8);
    }

    private byte[] badBatch(String path, JsonNode valid) {
        ObjectNode body = NODES.objectNode();
        switch (random.nextInt(6)) {
            case 0 -> body.set("batch", hostileValue());
            case 1 -> body.putArray("batch").add(1).addNull().add("x").add(NODES.arrayNode()).add(valid.deepCopy());
            case 2 -> {
                ArrayNode batch = body.putArray("batch");
                for (int i = 0; i < 2_501; i++) {
                    batch.addObject();
                }
            }
            case 3 -> {
                body.set("batch", NODES.arrayNode().add(valid.deepCopy()));
                body.set("sentAt", hostileValue());
            }
            case 4 -> {
                body.set("batch", NODES.arrayNode().add(valid.deepCopy()));
                body.set("context", hostileValue());
            }
            default -> body.set("events", NODES.arrayNode().add(hostileValue()).add(valid.deepCopy()));
        }
        return bytes(body);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(JsonNode node) {
        return AppHttp.JSON.writeValueAsBytes(node);
    }

    private static byte[] splice(byte[] into, int at, byte[] insert) {
        byte[] result = new byte[into.length + insert.length];
        System.arraycopy(into, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(into, at, result, at + insert.length, into.length - at);
        return result;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
