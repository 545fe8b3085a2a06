package io.agentbus.server.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** What {@code /health} said, as two short lines. Fields it does not know are left out. */
final class HealthSummary {
    private final Map<String, String> fields;

    private HealthSummary(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Reads the flat fields of a {@code /health} answer, and {@code memory}'s as {@code memory.NAME}. */
    static HealthSummary parse(String json) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                read(p, "", fields);
            }
        } catch (IOException e) {
            fields.put("status", "unreadable answer (" + e.getMessage() + ")");
        }
        return new HealthSummary(fields);
    }

    private static void read(JsonParser p, String prefix, Map<String, String> fields) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                read(p, name + ".", fields);
            } else if (value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else {
                fields.put(name, p.getText());
            }
        }
    }

    /** e.g. {@code agentbus/0.1.0 at http://127.0.0.1:7070: up for 2h 14m}. */
    String headline(URI base) {
        String version = fields.getOrDefault("version", "agentbus");
        String line = version + " at " + base + ": " + fields.getOrDefault("status", "unknown");
        String uptime = fields.get("uptime_ms");
        return uptime == null ? line : line + " for " + duration(Long.parseLong(uptime));
    }

    /** e.g. {@code connections 500, heap 120 MiB, direct memory 24 MiB}. */
    String connectionsAndMemory() {
        StringBuilder line = new StringBuilder("connections ").append(fields.getOrDefault("connections", "?"));
        appendBytes(line, "heap", fields.get("memory.heap_used_bytes"));
        appendBytes(line, "direct memory", fields.get("memory.netty_direct_bytes"));
        return line.toString();
    }

    private static void appendBytes(StringBuilder line, String label, String bytes) {
        if (bytes != null) {
            line.append(", ").append(label).append(' ').append(Units.bytes(Long.parseLong(bytes)));
        }
    }

    static String duration(long ms) {
        long s = ms / 1000;
        if (s >= 86_400) {
            return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 60 + "m " + s % 60 + "s";
    }
}
