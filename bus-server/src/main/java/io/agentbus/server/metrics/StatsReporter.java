package io.agentbus.server.metrics;

import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.server.room.Room;
import io.agentbus.server.room.SystemFeed;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics thread: once a second it takes the interval histograms out of the recorders, asks the
 * sequencer for the rooms' counts, measures the journal, and makes a {@link StatsSnapshot} of it
 * all. {@code /metrics} answers from the latest snapshot, and each one is published into the
 * {@value #STATS_ROOM} room, where the dashboard (or any client) receives it.
 */
public final class StatsReporter implements AutoCloseable {
    /** The system room the snapshots are published into. */
    public static final String STATS_ROOM = "$sys.stats";
    /** The {@code type} of the snapshot messages. */
    public static final String STATS_TYPE = "stats";
    /** Snapshots kept in {@value #STATS_ROOM} for {@code history} and {@code join} with {@code since}: 5 minutes. */
    static final int KEPT_SNAPSHOTS = 300;
    static final long TICK_MS = 1000;
    /** Rooms in each snapshot's {@code top_rooms}. */
    static final int BUSIEST_ROOMS = 50;
    /** A labelled room idle for this many ticks gives its label up to a busier one: 5 minutes. */
    static final long LABEL_IDLE_TICKS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(StatsReporter.class);

    private final BusMetrics metrics;
    private final Sequencer sequencer;
    private final IntSupplier connections;
    private final DiskUsage disk;
    private final RoomLabels labels;
    private final long startedAtMs = System.currentTimeMillis();
    private final LatencyWindow ingressWait = new LatencyWindow();
    private final LatencyWindow publishAck = new LatencyWindow();
    private final LatencyWindow journalAppend = new LatencyWindow();
    private final LatencyWindow[] delivery = new LatencyWindow[Priority.values().length];
    private final LatencyWindow deliveryAll = new LatencyWindow();
    private final Histogram interval = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    private final Histogram allPriorities = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agentbus-metrics");
        t.setDaemon(true);
        return t;
    });
    private RoomTraffic lastTraffic = RoomTraffic.NONE;
    private volatile StatsSnapshot latest = StatsSnapshot.initial(startedAtMs);

    /**
     * @param roomLabels how many rooms get a {@code room} label of their own on {@code /metrics}
     */
    public StatsReporter(BusMetrics metrics, Sequencer sequencer, IntSupplier connections, Path journalDir,
                         int roomLabels) {
        this.metrics = metrics;
        this.sequencer = sequencer;
        this.connections = connections;
        this.disk = new DiskUsage(journalDir);
        this.labels = new RoomLabels(roomLabels, LABEL_IDLE_TICKS);
        for (int i = 0; i < delivery.length; i++) {
            delivery[i] = new LatencyWindow();
        }
    }

    /** Makes the {@value #STATS_ROOM} room; before the sequencer starts. */
    public static void addStatsRoom(BusState state) {
        state.addSystemRoom(Room.system(STATS_ROOM, new SystemFeed(KEPT_SNAPSHOTS, System.currentTimeMillis() / 1000)));
    }

    /** Ticks from the next whole second on. */
    public void start() {
        long delayMs = TICK_MS - System.currentTimeMillis() % TICK_MS;
        timer.scheduleAtFixedRate(this::tick, delayMs, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** The bus as of the last tick. Any thread. */
    public StatsSnapshot latest() {
        return latest;
    }

    /** One tick; the metrics thread only. */
    void tick() {
        try {
            StatsSnapshot snapshot = snapshot(collectRooms());
            latest = snapshot;
            sequencer.submitInternal(new Command.PublishSystem(STATS_ROOM, STATS_TYPE,
                    new JsonValue(StatsJson.toJson(snapshot))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("metrics: the snapshot failed: {}", e.toString());
        }
    }

    private StatsSnapshot snapshot(RoomTraffic traffic) {
        long nowMs = System.currentTimeMillis();
        StatsSnapshot previous = latest;
        Totals totals = Totals.of(metrics, traffic);
        List<RoomRate> rates = labels.rates(traffic);
        return new StatsSnapshot(nowMs, nowMs - startedAtMs, nowMs - previous.tsMs(), connections.getAsInt(),
                traffic.size(), totals, totals.minus(previous.totals()), latencies(), disk.journalBytes(),
                disk.freeBytes(), labels.tick(rates), RoomLabels.busiest(rates, BUSIEST_ROOMS));
    }

    /** The rooms' counts, copied on the sequencer thread; the last ones if it does not answer within a tick. */
    private RoomTraffic collectRooms() throws InterruptedException {
        CompletableFuture<RoomTraffic> traffic = new CompletableFuture<>();
        sequencer.submitInternal(new Command.Inspect(h -> traffic.complete(RoomTraffic.of(h.state()))));
        try {
            lastTraffic = traffic.get(TICK_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("metrics: the sequencer did not report the rooms in time");
        }
        return lastTraffic;
    }

    private Latencies latencies() {
        LatencySnapshot[] byPriority = new LatencySnapshot[delivery.length];
        allPriorities.reset();
        for (Priority p : Priority.values()) {
            byPriority[p.ordinal()] = delivery[p.ordinal()].tick(intervalOf(metrics.delivery(p)));
            allPriorities.add(interval);
        }
        return new Latencies(ingressWait.tick(intervalOf(metrics.ingressWait())),
                publishAck.tick(intervalOf(metrics.publishAck())),
                journalAppend.tick(intervalOf(metrics.journalAppend())), byPriority,
                deliveryAll.tick(allPriorities));
    }

    private Histogram intervalOf(LatencyRecorder recorder) {
        interval.reset();
        recorder.addIntervalTo(interval);
        return interval;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(TICK_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
