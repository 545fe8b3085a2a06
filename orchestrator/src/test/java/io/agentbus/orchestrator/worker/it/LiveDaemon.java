package io.agentbus.orchestrator.worker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.History;
import io.agentbus.client.Message;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.server.AgentBusServer;
import io.agentbus.server.config.ServerConfig;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon, in-process, on a free port of 127.0.0.1, and a client of the tests' own to
 * publish assignments and controls and to read a room's history back.
 */
public final class LiveDaemon implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentBusServer server;
    private final AgentBusClient client;

    private LiveDaemon(AgentBusServer server) {
        this.server = server;
        this.client = AgentBusClient.builder(uri(server.port()), "test-orchestrator").connect();
    }

    public static LiveDaemon start(Path dataDir) throws Exception {
        return new LiveDaemon(AgentBusServer.start(ServerConfig.builder().port(0).dataDir(dataDir).build()));
    }

    private static URI uri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public URI uri() {
        return uri(server.port());
    }

    /** Publishes {@code body} (a JSON object) into {@code room} and waits for its acknowledgement. */
    public long publish(String room, String body) throws Exception {
        return client.publish(room, Message.json(body)).get(10, TimeUnit.SECONDS).offset();
    }

    /** Publishes a task for {@code role}. */
    public long task(String room, String taskId, String role, String prompt) throws Exception {
        return publish(room, "{\"type\":\"task\",\"task_id\":\"" + taskId + "\",\"role\":\"" + role
                + "\",\"title\":\"title of " + taskId + "\",\"prompt\":\"" + prompt + "\",\"job\":\"job-1\"}");
    }

    /** Every message of {@code room}, in offset order, each with its body parsed. */
    public List<Event> history(String room) {
        List<Event> events = new ArrayList<>();
        long since = 0;
        try {
            while (true) {
                History page = client.history(room, since, 1000).get(10, TimeUnit.SECONDS);
                for (ReceivedMessage m : page.messages()) {
                    events.add(new Event(m, JSON.readTree(m.bodyJson())));
                    since = m.offset();
                }
                if (!page.more()) {
                    return events;
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof io.agentbus.client.error.NotFoundException) {
                return events;
            }
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A room message and its body. */
    public record Event(ReceivedMessage message, JsonNode body) {
        public String type() {
            return body.path("type").asText();
        }

        public String taskId() {
            return body.path("task_id").asText(null);
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
