package io.agentbus.server;

import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.server.admission.ConnectionLimiter;
import io.agentbus.server.artifact.ArtifactHandler;
import io.agentbus.server.artifact.ArtifactStore;
import io.agentbus.server.artifact.ArtifactUploads;
import io.agentbus.server.auth.Authenticator;
import io.agentbus.server.cluster.ClusterRooms;
import io.agentbus.server.cluster.LocalOffsets;
import io.agentbus.server.cluster.OffsetAuthority;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.decision.DecisionHandler;
import io.agentbus.server.dedup.RecentIds;
import io.agentbus.server.dedup.RecentIdsReplay;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.http.HealthReport;
import io.agentbus.server.http.HttpApiHandler;
import io.agentbus.server.http.Lifecycle;
import io.agentbus.server.inbox.InboxHandler;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.metrics.PrometheusMetrics;
import io.agentbus.server.metrics.StatsReporter;
import io.agentbus.server.ratelimit.RateLimiter;
import io.agentbus.server.room.MembershipHandler;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.room.RoomFanout;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.sequencer.SnapshotWriter;
import io.agentbus.server.session.SessionContext;
import io.agentbus.server.transport.PipelineInitializer;
import io.agentbus.server.transport.Tls;
import io.agentbus.server.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: owns the transport, the sequencer, the journal, the metrics and every session, and
 * closes them in reverse order. {@link #start(ServerConfig)} returns once the journal has been
 * replayed and the port is bound.
 */
public final class AgentBusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentBusServer.class);
    /** How often the rate limiter forgets the IP addresses and client ids whose buckets refilled. */
    private static final long RATE_SWEEP_SECONDS = 10;

    private final ServerConfig config;
    private final ChannelGroup channels = new DefaultChannelGroup("agentbus-sessions", GlobalEventExecutor.INSTANCE);
    private final HealthReport health;
    private final BusMetrics metrics = new BusMetrics();
    private Authenticator auth;
    private Journal journal;
    private ClusterRooms cluster;
    private Sequencer sequencer;
    private StatsReporter stats;
    private ArtifactUploads artifacts;
    private Transport transport;
    private Tls tls;
    private Channel serverChannel;
    private boolean closed;

    private AgentBusServer(ServerConfig config) {
        this.config = config;
        this.health = new HealthReport(Version.SERVER_NAME, channels);
    }

    /** Replays the journal, binds the port and starts serving. */
    public static AgentBusServer start(ServerConfig config) throws Exception {
        AgentBusServer server = new AgentBusServer(config);
        try {
            server.open();
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private void open() throws Exception {
        auth = Authenticator.create(config);
        health.auth(auth.mode());
        tls = Tls.create(config);
        Files.createDirectories(config.journalDir());
        journal = new Journal(config.journalDir(), config.rollCycle(), config.durability(),
                config.journalMinFreeBytes(), config.retention());
        health.journal(journal.health());
        journal.recordAppendLatency(metrics.journalAppend());
        EpochClock clock = SystemEpochClock.INSTANCE;
        FrameEncoder encoder = new FrameEncoder(PooledByteBufAllocator.DEFAULT);
        RecentIds recentIds = new RecentIds(config.dedupWindowMs(), config.dedupMaxIds());
        Handlers handlers = handlers(new BusState(), recentIds, encoder, clock, offsets());
        replay(handlers, recentIds, clock.time());
        journal.onCycles(new SnapshotWriter(handlers.state(), journal, clock));
        StatsReporter.addStatsRoom(handlers.state());
        sequencer = new Sequencer(config.ingressQueueCapacity(), handlers, clock, metrics.ingressWait());
        health.sequencer(sequencer::internalDepth, config.internalQueueDegraded());
        if (cluster != null) {
            cluster.start(handlers, journal, sequencer);
            cluster.inboxes(config.ingressQueueCapacity()).start(handlers.state(), journal, handlers.inbox(), sequencer);
        }
        artifacts = new ArtifactUploads(new ArtifactStore(config.artifactDir()), sequencer, config.artifactMaxBytes());
        if (cluster != null) {
            artifacts.replicate(cluster.artifacts());
        }
        stats = new StatsReporter(metrics, sequencer, channels::size, config.journalDir(), config.metricsRoomLabels());
        sequencer.start();
        bind(encoder);
        stats.start();
        health.lifecycle(Lifecycle.UP);
    }

    /** Who assigns offsets: this node, or (with {@code cluster.redis}) the cluster's Redis. */
    private OffsetAuthority offsets() {
        if (!config.clustered()) {
            return LocalOffsets.INSTANCE;
        }
        String node = Long.toHexString(ThreadLocalRandom.current().nextLong());
        cluster = new ClusterRooms(config.clusterRedis(), config.clusterTimeoutMs(), config.clusterStreamMaxLength(),
                node, config.ingressQueueCapacity());
        cluster.connect();
        cluster.deduplicate(config.dedupWindowMs());
        health.cluster(cluster.health());
        LOG.info("cluster mode: node {} orders room messages through Redis at {}", node, cluster.health().redis());
        return cluster;
    }

    private Handlers handlers(BusState state, RecentIds recentIds, FrameEncoder encoder, EpochClock clock,
                              OffsetAuthority offsets) {
        RoomFanout fanout = new RoomFanout(encoder);
        GroupCommit commit = new GroupCommit(journal, config.durability());
        PublishHandler publish = new PublishHandler(state, journal, encoder, fanout, clock, recentIds, commit,
                metrics.publishAck(), offsets);
        return new Handlers(state,
                new MembershipHandler(state, journal, encoder, fanout, metrics, config.maxRoomsPerConnection(),
                        config.maxMembersPerRoom()),
                publish,
                new InboxHandler(state, journal, encoder, clock, Version.SERVER_NAME, config.heartbeatMs(), recentIds,
                        commit, metrics, config.maxInboxPending()),
                new DecisionHandler(state, journal, fanout, clock),
                new ArtifactHandler(state, journal, publish, config.artifactRoomQuotaBytes()), commit);
    }

    /** Rebuilds the state from the journal, and the recent message ids as of {@code nowMs}. */
    private void replay(Handlers handlers, RecentIds recentIds, long nowMs) {
        long startNs = System.nanoTime();
        BusState state = handlers.state();
        RecentIdsReplay ids = new RecentIdsReplay(recentIds, nowMs);
        long[] messages = new long[1];
        long records = journal.replay((record, index) -> {
            state.apply(record, index);
            ids.onRecord(record);
            if (record instanceof JournalRecord.RoomMessage || record instanceof JournalRecord.DirectMessage) {
                messages[0]++;
            }
        });
        handlers.decisions().watchOpenDecisions();
        LOG.info("journal replayed: {} messages ({} records), {} rooms, {} recent message ids, in {} s", messages[0],
                records, state.roomCount(), recentIds.size(),
                String.format(Locale.ROOT, "%.3f", (System.nanoTime() - startNs) / 1e9));
    }

    private void bind(FrameEncoder encoder) throws InterruptedException {
        transport = Transport.create(config.transport(), config.ioThreads());
        RateLimiter rateLimiter = new RateLimiter(config.rateLimits());
        transport.boss().scheduleAtFixedRate(rateLimiter::sweep, RATE_SWEEP_SECONDS, RATE_SWEEP_SECONDS,
                TimeUnit.SECONDS);
        SessionContext sessions = new SessionContext(config, new FrameReader(), encoder, sequencer, artifacts,
                channels, Long.toString(System.currentTimeMillis(), 36), metrics, auth);
        HttpApiHandler httpApi = new HttpApiHandler(config, sequencer, artifacts, auth, health, metrics,
                new PrometheusMetrics(stats::latest, sequencer::internalDepth));
        serverChannel = new ServerBootstrap()
                .group(transport.boss(), transport.workers())
                .channel(transport.channelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes()))
                .childHandler(new PipelineInitializer(config, sessions, httpApi, tls,
                        new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerIp()), rateLimiter))
                .bind(config.host(), config.port())
                .sync()
                .channel();
        LOG.info("transport: {}", transport.name());
        LOG.info(tls == null ? "TLS: off (ws:// and http://)" : "TLS: on (wss:// and https:// only), provider {}",
                tls == null ? "" : tls.providerName());
    }

    /** The TLS engine serving this port ({@code openssl (…)} or {@code jdk}), or {@code null} without TLS. */
    public String tlsProvider() {
        return tls == null ? null : tls.providerName();
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Graceful shutdown: {@code /health} turns 503, no new connections, queued frames are flushed,
     * clients get close 1001, the journal is closed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        health.lifecycle(Lifecycle.DRAINING);
        closeQuietly(stats);
        new Shutdown(config.shutdownTimeoutMs(), channels, serverChannel, sequencer, transport)
                .run();
        closeQuietly(artifacts);
        closeQuietly(cluster);
        closeQuietly(journal);
        closeQuietly(auth);
        LOG.info("agentbus stopped");
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("error while closing {}", resource.getClass().getSimpleName(), e);
        }
    }
}
