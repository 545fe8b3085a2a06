package io.agentbus.loadtest.memory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * agentbus's own account of its memory: {@code GET /health} →
 * {@code {"memory":{"heap_used_bytes":N,"netty_direct_bytes":N,"nio_direct_bytes":N}}}; the figure
 * is heap in use plus Netty's direct memory. Heap in use includes garbage not yet collected.
 */
public final class HealthProbe implements MemoryProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int HTTP_OK = 200;
    private static final JsonFactory JSON = new JsonFactory();

    private final URI health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HealthProbe(URI health) {
        this.health = health;
    }

    @Override
    public String name() {
        return "health(" + health + ")";
    }

    @Override
    public MemoryReading read() throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != HTTP_OK) {
            throw new IOException("GET " + health + " answered " + response.statusCode());
        }
        return reading(response.body());
    }

    /** The reading in a {@code /health} body. */
    static MemoryReading reading(String body) throws IOException {
        Map<String, Long> parts = memoryFields(body);
        Long heap = parts.get("heap_used_bytes");
        Long netty = parts.get("netty_direct_bytes");
        if (heap == null || netty == null) {
            throw new IOException("/health has no memory.heap_used_bytes and memory.netty_direct_bytes: " + body);
        }
        return new MemoryReading(heap + netty, parts);
    }

    private static Map<String, Long> memoryFields(String body) throws IOException {
        Map<String, Long> parts = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("/health is not a JSON object: " + body);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("memory".equals(field) && value == JsonToken.START_OBJECT) {
                    readNumbers(p, parts);
                } else {
                    p.skipChildren();
                }
            }
        }
        return parts;
    }

    private static void readNumbers(JsonParser p, Map<String, Long> parts) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                parts.put(field, p.getLongValue());
            } else {
                p.skipChildren();
            }
        }
    }
}
