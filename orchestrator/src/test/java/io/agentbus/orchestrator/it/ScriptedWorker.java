package io.agentbus.orchestrator.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Message;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A real bus client standing in for a worker or a reviewer: it joins rooms (replaying them from
 * the start), records what it sees into a {@link RoomLog}, and publishes the events the test script
 * tells it to, each acknowledged before the next step.
 */
public final class ScriptedWorker implements AutoCloseable {
    private final AgentBusClient client;
    private final String id;

    public ScriptedWorker(URI uri, String id, RoomLog log) {
        this.id = id;
        this.client = AgentBusClient.builder(uri, id).onMessage(log::add).connect();
    }

    public ScriptedWorker join(String room, String role) throws Exception {
        client.join(room, JoinOptions.DEFAULT.role(role).since(0)).get(10, TimeUnit.SECONDS);
        return this;
    }

    /** Publishes {@code {"type": type, "task_id": taskId, "worker": id, fields…}} (fields: name, value pairs). */
    public void emit(String room, String type, String taskId, Object... fields) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type);
        if (taskId != null) {
            body.put("task_id", taskId);
        }
        body.put("worker", id);
        for (int i = 0; i < fields.length; i += 2) {
            body.set((String) fields[i], JsonNodeFactory.instance.pojoNode(fields[i + 1]));
        }
        raw(room, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
    }

    /** Publishes any JSON body, well-formed for the bus, whatever it means to the orchestrator. */
    public void raw(String room, String json) throws Exception {
        client.publish(room, Message.json(json)).get(10, TimeUnit.SECONDS);
    }

    public AgentBusClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
