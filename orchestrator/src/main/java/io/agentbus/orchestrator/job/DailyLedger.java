package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * What jobs spent per day (UTC), in a small JSON file ({@code {"2025-11-21": 12.5}}) under the
 * workspace root, so the per-day budget spans jobs. A job reads the day's total when it starts
 * and adds its own when it ends; jobs running at the same time do not see each other's spending.
 */
final class DailyLedger {
    static final String FILE = "daily-spend.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    DailyLedger(Path file) {
        this.file = file;
    }

    double spent(LocalDate day) {
        return read().path(day.toString()).asDouble(0);
    }

    void add(LocalDate day, double usd) {
        ObjectNode all = read();
        all.put(day.toString(), all.path(day.toString()).asDouble(0) + usd);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, MAPPER.writeValueAsString(all));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the daily ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("daily ledger " + file + ": not a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new IllegalArgumentException("daily ledger " + file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
