package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} over a real socket: what the bus did shows up in the documented series. */
class MetricsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String ROOM = "metrics-room";
    private static final int MESSAGES = 10;
    private static final String[] QUANTILES = {"0.5", "0.9", "0.99", "0.999", "1.0"};
    /** A metric name in the first column of README's metrics table. */
    private static final Pattern README_METRIC = Pattern.compile("^\\| `(agentbus_[a-z_]+)`", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldExportWhatTheBusDidInTheDocumentedSeries() throws Exception {
        try (TestServer server = TestServer.start(dir);
             WsClient alice = server.hello("alice");
             WsClient bob = server.hello("bob")) {
            alice.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\"}").reply("j");
            bob.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + ROOM + "\"}").reply("j");
            for (int i = 1; i <= MESSAGES; i++) {
                bob.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOM + "\",\"priority\":\"high\","
                        + "\"body\":" + i + "}").reply("p" + i);
            }
            bob.send("{\"op\":\"send\",\"rid\":\"d\",\"to\":\"alice\",\"body\":\"psst\"}").reply("d");
            bob.send("{\"op\":\"pub\",\"rid\":\"bad\",\"room\":\"bad room\"}").reply("bad");
            assertEquals(404, server.get("/api/v1/rooms/nosuch/messages").statusCode());

            MetricsText m = awaitMetrics(server, s -> s.valueOr("agentbus_messages_in_total{room=\"" + ROOM + "\"}", 0)
                    == MESSAGES && s.value("agentbus_errors_total{code=\"not_found\"}") == 1);

            assertEquals(2 * MESSAGES, m.value("agentbus_messages_out_total{room=\"" + ROOM + "\"}"), "echo to both");
            assertEquals(0, m.value("agentbus_messages_in_total{room=\"other\"}"));
            assertEquals(1, m.value("agentbus_direct_messages_in_total"));
            assertEquals(1, m.value("agentbus_direct_messages_out_total"));
            assertEquals(2, m.value("agentbus_connections"));
            assertEquals(2, m.value("agentbus_connections_opened_total"));
            assertEquals(2, m.value("agentbus_joins_total"));
            assertEquals(1, m.value("agentbus_rooms"));
            assertEquals(1, m.value("agentbus_errors_total{code=\"bad_request\"}"));
            assertEquals(0, m.value("agentbus_errors_total{code=\"rate_limited\"}"));
            assertEquals(MESSAGES + 1, m.value("agentbus_publish_ack_latency_seconds_count"), "pubs and the send");
            assertEquals(MESSAGES + 1, m.value("agentbus_ingress_queue_wait_seconds_count"));
            assertTrue(m.value("agentbus_journal_append_latency_seconds_count") >= MESSAGES + 3, "joins, pubs, send");
            assertTrue(m.value("agentbus_received_bytes_total") > 0);
            assertTrue(m.value("agentbus_sent_bytes_total") > 0);
            assertTrue(m.value("agentbus_journal_bytes") > 0);
            assertTrue(m.value("agentbus_disk_free_bytes") > 0);
            assertQuantiles(m, "agentbus_publish_ack_latency_seconds", "");
            assertQuantiles(m, "agentbus_journal_append_latency_seconds", "");
            assertQuantiles(m, "agentbus_delivery_latency_seconds", "priority=\"high\",");
            assertTrue(m.value("agentbus_delivery_latency_seconds_count{priority=\"high\"}") >= 2 * MESSAGES);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDocumentEverySeriesInTheReadme() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher names = README_METRIC.matcher(Files.readString(projectRoot().resolve("README.md")));
        while (names.find()) {
            documented.add(names.group(1));
        }
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> response = server.get("/metrics");

            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    response.headers().toString());
            assertEquals(documented, MetricsText.parse(response.body()).families(),
                    "README's metrics table and /metrics name the same series");
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldCountDropsAndASlowConsumerOnce() throws Exception {
        Map<Setting, Object> tight = Map.of(
                Setting.WRITE_BUFFER_LOW_BYTES, 8192,
                Setting.WRITE_BUFFER_HIGH_BYTES, 16384,
                Setting.DELIVERY_QUEUE_CAPACITY, 16);
        String body = "{\"pad\":\"" + "x".repeat(16 * 1024) + "\"}";
        try (TestServer server = TestServer.start(dir, tight);
             WsClient slow = server.hello("slow");
             WsClient publisher = server.hello("publisher")) {
            slow.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"flood\"}").reply("j");
            slow.pauseReading();
            publishAll(publisher, "low", 500, body);
            awaitMetrics(server, s -> s.value("agentbus_dropped_messages_total") > 0);

            publishAll(publisher, "high", 100, body);
            MetricsText m = awaitMetrics(server, s -> s.value("agentbus_slow_consumer_closes_total") == 1
                    && s.value("agentbus_connections") == 1);

            assertEquals(1, m.value("agentbus_slow_consumer_closes_total"), "one connection, closed once");
            assertTrue(m.value("agentbus_dropped_messages_total") <= 500, "only lows were dropped");
        }
    }

    private static void publishAll(WsClient publisher, String priority, int count, String body) {
        for (int i = 1; i <= count; i++) {
            publisher.send("{\"op\":\"pub\",\"rid\":\"" + priority + i + "\",\"room\":\"flood\",\"priority\":\""
                    + priority + "\",\"body\":" + body + "}");
        }
        publisher.reply(priority + count);
    }

    private static void assertQuantiles(MetricsText m, String name, String labels) {
        for (String q : QUANTILES) {
            assertTrue(m.value(name + "{" + labels + "quantile=\"" + q + "\"}") > 0, name + " quantile " + q);
        }
        assertTrue(m.value(name + "{" + labels + "quantile=\"1.0\"}")
                >= m.value(name + "{" + labels + "quantile=\"0.5\"}"), name + ": the max is at least the median");
        assertTrue(m.has(name + "_sum" + (labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}")));
    }

    /** Scrapes until {@code done} holds (the metrics are as of the last one-second tick). */
    static MetricsText awaitMetrics(TestServer server, java.util.function.Predicate<MetricsText> done) {
        MetricsText[] last = new MetricsText[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = MetricsText.parse(server.get("/metrics").body());
            return done.test(last[0]);
        });
        return last[0];
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("bin/agentbus"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
