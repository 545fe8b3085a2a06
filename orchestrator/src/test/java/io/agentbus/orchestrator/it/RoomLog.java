package io.agentbus.orchestrator.it;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Every message the test clients received (each room offset once), per room, with its body parsed; waits for one with a deadline. */
public final class RoomLog {
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, List<Entry>> rooms = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** One message: sender, offset, body. */
    public record Entry(String room, long offset, String from, JsonNode body) {
        public String type() {
            return body.path("type").asText();
        }

        public String field(String name) {
            return body.path(name).asText(null);
        }
    }

    public void add(ReceivedMessage msg) {
        if (msg.room() == null || !seen.add(msg.room() + "#" + msg.offset())) {
            return; // several clients share one log: keep each offset once
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(msg.bodyJson());
        } catch (Exception e) {
            body = MAPPER.nullNode();
        }
        rooms.computeIfAbsent(msg.room(), r -> new CopyOnWriteArrayList<>())
                .add(new Entry(msg.room(), msg.offset(), msg.from(), body));
    }

    public List<Entry> of(String room) {
        return new ArrayList<>(rooms.getOrDefault(room, List.of()));
    }

    /** The first message of {@code room} with body type {@code type} that {@code match} accepts, waiting for it. */
    public Entry await(String room, String type, Predicate<Entry> match) {
        Entry[] found = new Entry[1];
        Awaitility.await().atMost(DEADLINE).alias(type + " in " + room).until(() -> {
            for (Entry e : of(room)) {
                if (e.type().equals(type) && match.test(e)) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public Entry await(String room, String type) {
        return await(room, type, e -> true);
    }

    /** Waits for the message of {@code type} with {@code field} = {@code value}. */
    public Entry await(String room, String type, String field, String value) {
        return await(room, type, e -> value.equals(e.field(field)));
    }

    public long count(String room, String type) {
        return of(room).stream().filter(e -> e.type().equals(type)).count();
    }
}
