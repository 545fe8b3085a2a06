package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** What every passing run must have printed and written. */
final class Reports {
    private Reports() {
    }

    /**
     * Exit 0, the table, and a results.json saying: every connection ready, every message
     * delivered once to each of {@code audience} receivers, no error, latency recorded.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> assertPassed(LoadtestRun run, String scenario, String target, int connections,
                                            int audience) throws IOException {
        System.out.println(run.printed());
        assertEquals(0, run.status(), run.printed());
        assertTrue(run.out().contains("p99.99") && run.out().contains("result: PASS"), run.printed());
        Map<String, Object> json = run.results();
        assertEquals(scenario, json.get("scenario"));
        assertEquals(target, json.get("target"));
        assertEquals(true, json.get("ok"));
        Map<String, Object> connect = (Map<String, Object>) json.get("connect");
        assertEquals(connections, number(connect, "ready"));
        Map<String, Object> result = (Map<String, Object>) json.get("result");
        long sent = number(result, "sent");
        assertTrue(sent > 0, "nothing sent: " + result);
        assertEquals(sent * audience, number(result, "expected"), result.toString());
        assertEquals(number(result, "expected"), number(result, "delivered"), result.toString());
        assertEquals(0, number(result, "lost"));
        assertEquals(0, number(result, "duplicated"));
        assertEquals(0, number((Map<String, Object>) result.get("refused"), "total"), result.toString());
        assertTrue(number(result, "delivered_bytes") >= number(result, "delivered") * 45L, result.toString());
        assertTrue(number((Map<String, Object>) result.get("send_lag_ms"), "count") > 0, result.toString());
        assertNotNull(result.get("harness_gc"), result.toString());
        assertEquals(0, number((Map<String, Object>) json.get("errors"), "total"), json.get("errors").toString());
        assertTrue(number((Map<String, Object>) result.get("latency_ms"), "count") > 0, result.toString());
        assertTrue(((Number) ((Map<String, Object>) result.get("latency_ms")).get("p99")).doubleValue() > 0);
        assertTrue(((List<Object>) json.get("timeline")).size() > 0);
        assertFiles(run.dir(), json);
        Map<String, Object> ackLatency = (Map<String, Object>) result.get("ack_latency_ms");
        assertHlogHolds(run.dir(), number((Map<String, Object>) result.get("latency_ms"), "count"),
                ackLatency == null ? 0 : number(ackLatency, "count"));
        return json;
    }

    /**
     * The interval log holds exactly the latencies results.json counted: its delivery (untagged)
     * and ack intervals sum to {@code deliveries} and {@code acks}.
     */
    static void assertHlogHolds(Path dir, long deliveries, long acks) throws IOException {
        Map<String, Long> counts = hlogCounts(dir.resolve("latency.hlog"));
        assertEquals(deliveries, counts.getOrDefault("", 0L), "delivery latencies in latency.hlog: " + counts);
        assertEquals(acks, counts.getOrDefault("ack", 0L), "ack latencies in latency.hlog: " + counts);
    }

    @SuppressWarnings("unchecked")
    private static void assertFiles(Path dir, Map<String, Object> json) throws IOException {
        Map<String, Object> files = (Map<String, Object>) json.get("files");
        assertEquals("latency.hlog", files.get("hlog"));
        assertEquals("plot.html", files.get("plot_html"));
        assertNull(files.get("plot_png"), "--no-png");
        assertTrue(hlogCounts(dir.resolve("latency.hlog")).containsKey(""), "no delivery interval in latency.hlog");
        String html = Files.readString(dir.resolve("plot.html"));
        assertTrue(html.contains("<svg") && html.contains("Latency by percentile") && html.contains("polyline"),
                "plot.html has no chart");
    }

    /** The values recorded in the log's intervals, summed by tag ("" for the untagged ones). */
    private static Map<String, Long> hlogCounts(Path hlog) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                counts.merge(h.getTag() == null ? "" : h.getTag(), ((Histogram) h).getTotalCount(), Long::sum);
            }
        } finally {
            reader.close();
        }
        return counts;
    }

    static long number(Map<String, Object> object, String field) {
        Object value = object.get(field);
        assertNotNull(value, field + " missing in " + object);
        return ((Number) value).longValue();
    }
}
