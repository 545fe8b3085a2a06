package io.agentbus.server.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The body of a {@code $sys.stats} message: one {@link StatsSnapshot} as JSON (PROTOCOL.md,
 * "System rooms", lists every field). Counts of the interval sit next to the totals since the
 * start; latencies are in microseconds.
 */
final class StatsJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final double NS_PER_US = 1000.0;

    private StatsJson() {
    }

    static String toJson(StatsSnapshot s) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("ts", s.tsMs());
            g.writeNumberField("uptime_ms", s.uptimeMs());
            g.writeNumberField("interval_ms", s.intervalMs());
            g.writeNumberField("connections", s.connections());
            g.writeNumberField("rooms", s.rooms());
            counters(g, s.totals(), s.interval());
            g.writeNumberField("journal_bytes", s.journalBytes());
            g.writeNumberField("disk_free_bytes", s.diskFreeBytes());
            latencies(g, s.latencies());
            topRooms(g, s);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void counters(JsonGenerator g, Totals total, Totals interval) throws IOException {
        pair(g, "messages_in", interval.messagesIn(), total.messagesIn());
        pair(g, "messages_out", interval.messagesOut(), total.messagesOut());
        pair(g, "direct_in", interval.directIn(), total.directIn());
        pair(g, "direct_out", interval.directOut(), total.directOut());
        pair(g, "bytes_received", interval.bytesReceived(), total.bytesReceived());
        pair(g, "bytes_sent", interval.bytesSent(), total.bytesSent());
        pair(g, "connections_opened", interval.connectionsOpened(), total.connectionsOpened());
        pair(g, "joins", interval.joins(), total.joins());
        pair(g, "drops", interval.drops(), total.drops());
        pair(g, "slow_consumer_closes", interval.slowConsumerCloses(), total.slowConsumerCloses());
        pair(g, "errors", interval.errorsOfAllCodes(), total.errorsOfAllCodes());
        g.writeObjectFieldStart("errors_by_code");
        for (ErrorCode code : ErrorCode.values()) {
            g.writeNumberField(code.wireName(), total.errors()[code.ordinal()]);
        }
        g.writeEndObject();
    }

    /** {@code name}: the interval's count; {@code name_total}: since the start. */
    private static void pair(JsonGenerator g, String name, long inInterval, long total) throws IOException {
        g.writeNumberField(name, inInterval);
        g.writeNumberField(name + "_total", total);
    }

    private static void latencies(JsonGenerator g, Latencies l) throws IOException {
        g.writeObjectFieldStart("latency_us");
        latency(g, "delivery", l.deliveryAll(), true);
        for (Priority p : Priority.values()) {
            latency(g, "delivery_" + p.wireName(), l.delivery(p), false);
        }
        latency(g, "publish_ack", l.publishAck(), true);
        latency(g, "journal_append", l.journalAppend(), false);
        latency(g, "ingress_wait", l.ingressWait(), false);
        g.writeEndObject();
    }

    private static void latency(JsonGenerator g, String name, LatencySnapshot l, boolean distribution)
            throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", l.intervalCount());
        g.writeNumberField("count_total", l.count());
        g.writeNumberField("p50", micros(l.intervalNs()[0]));
        g.writeNumberField("p90", micros(l.intervalNs()[1]));
        g.writeNumberField("p99", micros(l.intervalNs()[2]));
        g.writeNumberField("p999", micros(l.intervalNs()[3]));
        g.writeNumberField("max", micros(l.intervalNs()[4]));
        if (distribution) {
            g.writeArrayFieldStart("distribution");
            for (int i = 0; i < LatencyWindow.DISTRIBUTION.length; i++) {
                g.writeStartArray();
                g.writeNumber(LatencyWindow.DISTRIBUTION[i]);
                g.writeNumber(micros(l.distributionNs()[i]));
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void topRooms(JsonGenerator g, StatsSnapshot s) throws IOException {
        g.writeArrayFieldStart("top_rooms");
        for (RoomRate r : s.busiestRooms()) {
            g.writeStartObject();
            g.writeStringField("room", r.room());
            g.writeNumberField("members", r.members());
            pair(g, "in", r.in(), r.inTotal());
            pair(g, "out", r.out(), r.outTotal());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Microseconds to 0.1 µs. */
    private static double micros(long nanos) {
        return Math.round(nanos / (NS_PER_US / 10)) / 10.0;
    }
}
