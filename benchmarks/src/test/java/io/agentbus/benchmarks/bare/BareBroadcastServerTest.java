package io.agentbus.benchmarks.bare;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BareBroadcastServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final int CLIENTS = 3;
    private static final int MESSAGES = 100;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<TextClient> clients = new ArrayList<>();
    private BareBroadcastServer server;

    @BeforeEach
    void start() throws Exception {
        BareServerOptions options = BareServerOptions.parse(new String[] {"--port", "0", "--threads", "2"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).options();
        server = BareBroadcastServer.start(options);
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(TextClient.connect(http, server.port(), DEADLINE));
        }
        await().atMost(DEADLINE).until(() -> server.openConnections() == CLIENTS);
    }

    @AfterEach
    void stop() {
        clients.forEach(TextClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldWriteEveryTextToEveryClientIncludingTheSenderInOrder() throws Exception {
        TextClient sender = clients.get(1);
        for (int i = 0; i < MESSAGES; i++) {
            sender.sendText("message " + i, DEADLINE);
        }

        for (int c = 0; c < CLIENTS; c++) {
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals("message " + i, clients.get(c).nextText(DEADLINE), "client " + c + ", message " + i);
            }
        }
    }

    @Test
    void shouldIgnoreBinaryMessagesAndKeepTheConnectionOpen() throws Exception {
        TextClient sender = clients.get(0);
        sender.sendBinary(new byte[] {1, 2, 3}, DEADLINE);
        sender.sendText("after binary", DEADLINE);

        for (int c = 0; c < CLIENTS; c++) {
            assertEquals("after binary", clients.get(c).nextText(DEADLINE), "client " + c);
        }
        assertFalse(sender.closed().isDone(), () -> "the sender's connection ended: " + sender.closed().join());
        assertEquals(CLIENTS, server.openConnections());
    }

    @Test
    void shouldStopWritingToAClientThatLeft() throws Exception {
        TextClient leaving = clients.remove(2);
        leaving.close();
        await().atMost(DEADLINE).until(() -> server.openConnections() == CLIENTS - 1);

        clients.get(0).sendText("after leaving", DEADLINE);

        for (TextClient client : clients) {
            assertEquals("after leaving", client.nextText(DEADLINE));
        }
        assertEquals(CLIENTS - 1, server.openConnections());
    }
}
