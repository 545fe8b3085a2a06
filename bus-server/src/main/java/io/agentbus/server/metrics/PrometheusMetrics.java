package io.agentbus.server.metrics;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /metrics}: the series of the latest {@link StatsSnapshot} in the Prometheus text format,
 * through the official client's callback metrics. Every series is named {@code agentbus_*} (README,
 * "Metrics", says what each means); latencies are summaries whose quantiles (0.5, 0.9, 0.99, 0.999
 * and 1 = the max) cover the last minute, from the HdrHistogram interval snapshots.
 */
public final class PrometheusMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Supplier<StatsSnapshot> latest;
    private final IntSupplier internalQueue;
    /** The snapshot every series of one scrape is read from, so that they agree. */
    private StatsSnapshot scraped;

    /** @param internalQueue the depth of the sequencer's internal queue, read at each scrape */
    public PrometheusMetrics(Supplier<StatsSnapshot> latest, IntSupplier internalQueue) {
        this.latest = latest;
        this.internalQueue = internalQueue;
        registerRoomCounters();
        registerCounters();
        registerGauges();
        registerLatencies();
    }

    /** The {@code Content-Type} of {@link #write}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Writes every series. */
    public synchronized void write(OutputStream out) throws IOException {
        scraped = latest.get();
        writer.write(out, registry.scrape());
    }

    private void registerRoomCounters() {
        CounterWithCallback.builder().name("agentbus_messages_in")
                .help("Messages published into rooms, by room (the busiest rooms; the rest as room=\"other\")")
                .labelNames("room")
                .callback(cb -> scraped.roomSeries().forEach(s -> cb.call(s.in(), s.label())))
                .register(registry);
        CounterWithCallback.builder().name("agentbus_messages_out")
                .help("Copies of room messages queued for delivery to members, by room")
                .labelNames("room")
                .callback(cb -> scraped.roomSeries().forEach(s -> cb.call(s.out(), s.label())))
                .register(registry);
    }

    private void registerCounters() {
        counter("agentbus_direct_messages_in", "Direct messages sent (send)", Totals::directIn);
        counter("agentbus_direct_messages_out", "Copies of direct messages queued for connected recipients",
                Totals::directOut);
        counter("agentbus_received_bytes", "Bytes received: WebSocket text frames and HTTP request bodies", Totals::bytesReceived);
        counter("agentbus_sent_bytes", "Bytes of frames written to connections from their delivery queues",
                Totals::bytesSent);
        counter("agentbus_connections_opened", "WebSocket connections opened", Totals::connectionsOpened);
        counter("agentbus_joins", "Joins of rooms", Totals::joins);
        counter("agentbus_dropped_messages",
                "Room messages dropped for a connection whose low or normal lane was full", Totals::drops);
        counter("agentbus_slow_consumer_closes", "Connections closed with 4008 slow consumer",
                Totals::slowConsumerCloses);
        CounterWithCallback.builder().name("agentbus_errors")
                .help("Errors answered over WebSocket and REST, by code (rate_limited counts rate-limit hits)")
                .labelNames("code")
                .callback(cb -> {
                    long[] errors = scraped.totals().errors();
                    for (ErrorCode code : ErrorCode.values()) {
                        cb.call(errors[code.ordinal()], code.wireName());
                    }
                })
                .register(registry);
    }

    private void counter(String name, String help, ToDoubleFunction<Totals> value) {
        CounterWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.applyAsDouble(scraped.totals())))
                .register(registry);
    }

    private void registerGauges() {
        gauge("agentbus_connections", "Open WebSocket connections", null, StatsSnapshot::connections);
        gauge("agentbus_rooms", "Rooms (system rooms not counted)", null, StatsSnapshot::rooms);
        gauge("agentbus_journal_bytes", "Bytes of the journal's files (-1 when unknown)", Unit.BYTES,
                StatsSnapshot::journalBytes);
        gauge("agentbus_disk_free_bytes",
                "Bytes the daemon may still write on the journal's file system (-1 when unknown)", Unit.BYTES,
                StatsSnapshot::diskFreeBytes);
        GaugeWithCallback.builder().name("agentbus_sequencer_internal_queue")
                .help("Notifications waiting in the sequencer's internal queue (cluster mode: every node's traffic)")
                .callback(cb -> cb.call(internalQueue.getAsInt()))
                .register(registry);
    }

    private void gauge(String name, String help, Unit unit, ToDoubleFunction<StatsSnapshot> value) {
        GaugeWithCallback.Builder builder = GaugeWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.applyAsDouble(scraped)));
        if (unit != null) {
            builder.unit(unit);
        }
        builder.register(registry);
    }

    private void registerLatencies() {
        summary("agentbus_publish_ack_latency_seconds",
                "From decoding a pub or send to its ok being queued (journaled and sequenced)", Latencies::publishAck);
        summary("agentbus_ingress_queue_wait_seconds",
                "From decoding a pub or send to the sequencer taking it from its ingress queue",
                Latencies::ingressWait);
        summary("agentbus_journal_append_latency_seconds", "One append to the journal", Latencies::journalAppend);
        SummaryWithCallback.builder().name("agentbus_delivery_latency_seconds")
                .help("From the sequencer offering a live message to a connection to its event loop writing it, "
                        + "by priority")
                .unit(Unit.SECONDS)
                .labelNames("priority")
                .callback(cb -> {
                    Latencies latencies = scraped.latencies();
                    for (Priority p : Priority.values()) {
                        LatencySnapshot l = latencies.delivery(p);
                        cb.call(l.count(), Unit.nanosToSeconds((long) l.sumNs()), quantiles(l), p.wireName());
                    }
                })
                .register(registry);
    }

    private void summary(String name, String help, Function<Latencies, LatencySnapshot> latency) {
        SummaryWithCallback.builder().name(name).help(help).unit(Unit.SECONDS)
                .callback(cb -> {
                    LatencySnapshot l = latency.apply(scraped.latencies());
                    cb.call(l.count(), Unit.nanosToSeconds((long) l.sumNs()), quantiles(l));
                })
                .register(registry);
    }

    private static Quantiles quantiles(LatencySnapshot l) {
        Quantile[] quantiles = new Quantile[LatencyWindow.QUANTILES.length];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = new Quantile(LatencyWindow.QUANTILES[i], Unit.nanosToSeconds(l.windowNs()[i]));
        }
        return Quantiles.of(quantiles);
    }
}
