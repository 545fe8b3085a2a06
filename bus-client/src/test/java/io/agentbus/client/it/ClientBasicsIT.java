package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.History;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.Sent;
import io.agentbus.client.StoredArtifact;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.VoteChoice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of the client against the real daemon, and what its listeners are handed. */
class ClientBasicsIT {
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    static LiveServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    AgentBusClient connect(String clientId) {
        return AgentBusClient.builder(server.uri(), clientId).connect();
    }

    @Test
    void shouldJoinPublishAndHandOverMessagesInOrder() throws Exception {
        Received<ReceivedMessage> received = new Received<>();
        try (AgentBusClient a = connect("basics-a"); AgentBusClient b = connect("basics-b")) {
            b.onMessage("basics-room", received);
            Joined joined = b.join("basics-room", "reviewer").get(10, TimeUnit.SECONDS);
            assertEquals("basics-room", joined.room());
            assertEquals(0, joined.lastOffset());
            assertEquals("reviewer", joined.members().get(0).role());

            Published first = a.publish("basics-room", "one").get(10, TimeUnit.SECONDS);
            Published second = a.publish("basics-room", Message.json("{\"n\":2}").type("status")
                    .channel("ci").priority(Priority.HIGH)).get(10, TimeUnit.SECONDS);
            assertEquals(1, first.offset());
            assertEquals(2, second.offset());
            assertFalse(second.duplicate());

            // the high message may overtake the normal one still queued: order them by offset
            List<ReceivedMessage> two = new ArrayList<>(received.next(2, WAIT));
            two.sort(Comparator.comparingLong(ReceivedMessage::offset));
            ReceivedMessage m1 = two.get(0);
            ReceivedMessage m2 = two.get(1);
            assertEquals("one", m1.text());
            assertEquals("basics-a", m1.from());
            assertEquals(2, m2.offset());
            assertEquals("{\"n\":2}", m2.bodyJson());
            assertEquals("status", m2.type());
            assertEquals("ci", m2.channel());
            assertEquals(Priority.HIGH, m2.priority());
            assertEquals(2, b.contiguousOffset("basics-room"));
        }
    }

    @Test
    void shouldReplayHistoryOnJoinWithSince() throws Exception {
        Received<ReceivedMessage> received = new Received<>();
        try (AgentBusClient a = connect("replay-a")) {
            for (int i = 1; i <= 5; i++) {
                a.publish("replay-room", "m" + i).get(10, TimeUnit.SECONDS);
            }
        }
        try (AgentBusClient b = AgentBusClient.builder(server.uri(), "replay-b").onMessage(received).connect()) {
            b.join("replay-room", JoinOptions.DEFAULT.since(2)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("m3", "m4", "m5"), Received.texts(received.next(3, WAIT)));
            History page = b.history("replay-room", 0, 2).get(10, TimeUnit.SECONDS);
            assertEquals(2, page.messages().size());
            assertTrue(page.more());
            assertEquals("m1", page.messages().get(0).text());
        }
    }

    @Test
    void shouldDeliverDirectMessagesAndPresence() throws Exception {
        Received<ReceivedMessage> direct = new Received<>();
        Received<Presence> presence = new Received<>();
        try (AgentBusClient a = connect("dm-a");
             AgentBusClient b = AgentBusClient.builder(server.uri(), "dm-b").onDirectMessage(direct).connect()) {
            Sent sent = a.send("dm-b", Message.text("psst").type("review_request")).get(10, TimeUnit.SECONDS);
            assertEquals(1, sent.inboxOffset());
            ReceivedMessage m = direct.next(WAIT);
            assertTrue(m.isDirect());
            assertEquals("psst", m.text());
            assertEquals("dm-a", m.from());

            a.onPresence(presence);
            a.join("dm-room").get(10, TimeUnit.SECONDS);
            b.join("dm-room", "tester").get(10, TimeUnit.SECONDS);
            Presence p = presence.next(WAIT);
            assertEquals("dm-b", p.client());
            assertEquals(Presence.Event.JOINED, p.event());
            b.leave("dm-room").get(10, TimeUnit.SECONDS);
            assertEquals(Presence.Event.LEFT, presence.next(WAIT).event());
        }
    }

    @Test
    void shouldAskOnlyForInboxMessagesAfterTheGivenInboxOffset() throws Exception {
        Received<ReceivedMessage> direct = new Received<>();
        try (AgentBusClient a = connect("inbox-sender")) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(i, a.send("inbox-reader", Message.text("dm" + i)).get(10, TimeUnit.SECONDS).inboxOffset());
            }
        }
        try (AgentBusClient b = AgentBusClient.builder(server.uri(), "inbox-reader").inboxSince(1)
                .onDirectMessage(direct).connect()) {
            List<ReceivedMessage> two = direct.next(2, WAIT);
            assertEquals("inbox-reader", b.clientId());
            assertEquals(List.of("dm2", "dm3"), Received.texts(two));
            assertEquals(2, two.get(0).offset());
        }
    }

    @Test
    void shouldProposeVoteAndUploadArtifacts() throws Exception {
        Received<DecisionUpdate> decisions = new Received<>();
        try (AgentBusClient a = connect("decide-a")) {
            a.onDecision(decisions);
            a.join("decide-room").get(10, TimeUnit.SECONDS);
            String id = a.propose("decide-room", "Ship it", DecisionRule.MAJORITY).get(10, TimeUnit.SECONDS);
            assertEquals("d-1", id);
            assertEquals(DecisionStatus.OPEN, decisions.next(WAIT).status());
            a.vote("decide-room", id, VoteChoice.YES).get(10, TimeUnit.SECONDS);
            assertEquals(DecisionStatus.APPROVED, decisions.next(WAIT).status());

            byte[] data = "hello artifact\n".getBytes(StandardCharsets.UTF_8);
            StoredArtifact stored = a.uploadArtifact("decide-room", "report.txt", "text/plain", data)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(64, stored.sha256().length());
            assertEquals(1, stored.offset());
        }
    }

    @Test
    void shouldReportConnectionStates() throws Exception {
        Received<ConnectionEvent> events = new Received<>();
        AgentBusClient a = AgentBusClient.builder(server.uri(), "states-a").onConnectionChange(events).connect();
        assertEquals(ConnectionState.CONNECTED, a.state());
        assertEquals(ConnectionState.CONNECTING, events.next(WAIT).state());
        assertEquals(ConnectionState.CONNECTED, events.next(WAIT).state());
        a.close();
        assertEquals(ConnectionState.CLOSED, a.state());
        CompletionException e = assertThrows(CompletionException.class, () -> a.publish("r", "late").join());
        assertInstanceOf(io.agentbus.client.error.ClientClosedException.class, e.getCause());
    }
}
