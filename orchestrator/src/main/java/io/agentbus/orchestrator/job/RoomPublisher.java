package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.protocol.Priority;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a job's messages into its room: each body is an object whose {@code type} is also the
 * message's {@code type}, with the job's id in {@code job}. Controls, escalations and budget
 * stops go out {@code high}; the rest {@code normal}. A failed publish is logged (the client
 * resends across reconnects; a failure here means the server refused it).
 */
final class RoomPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RoomPublisher.class);
    private static final Set<String> HIGH = Set.of("pause", "resume", "stop", "escalation", "budget_stop");
    private final AgentBusClient client;
    private final String room;
    private final String jobId;

    RoomPublisher(AgentBusClient client, String room, String jobId) {
        this.client = client;
        this.room = room;
        this.jobId = jobId;
    }

    /** A body of {@code type} for this job, to fill in and {@link #publish}. */
    ObjectNode body(String type) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type);
        body.put("job", jobId);
        return body;
    }

    /** Publishes {@code body}; the future completes with its acknowledgement (a refusal is logged here). */
    CompletableFuture<Published> publish(ObjectNode body) {
        String type = body.get("type").asText();
        Message message = Message.json(body.toString()).type(type)
                .priority(HIGH.contains(type) ? Priority.HIGH : Priority.NORMAL);
        return client.publish(room, message).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("room {}: cannot publish {}: {}", room, type, error.toString());
            }
        });
    }
}
