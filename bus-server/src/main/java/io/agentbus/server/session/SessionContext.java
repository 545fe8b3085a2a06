package io.agentbus.server.session;

import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.server.artifact.ArtifactUploads;
import io.agentbus.server.auth.Authenticator;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.sequencer.Sequencer;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicLong;

/** What every session handler shares: config, codec, the sequencer, the open channels and the metrics. */
public final class SessionContext {
    private final ServerConfig config;
    private final FrameReader reader;
    private final FrameEncoder encoder;
    private final Sequencer sequencer;
    private final ArtifactUploads artifacts;
    private final ChannelGroup channels;
    private final String sessionPrefix;
    private final BusMetrics metrics;
    private final Authenticator auth;
    private final AtomicLong sessionCounter = new AtomicLong();

    public SessionContext(ServerConfig config, FrameReader reader, FrameEncoder encoder, Sequencer sequencer,
                          ArtifactUploads artifacts, ChannelGroup channels, String sessionPrefix, BusMetrics metrics,
                          Authenticator auth) {
        this.auth = auth;
        this.metrics = metrics;
        this.config = config;
        this.reader = reader;
        this.encoder = encoder;
        this.sequencer = sequencer;
        this.artifacts = artifacts;
        this.channels = channels;
        this.sessionPrefix = sessionPrefix;
    }

    public ServerConfig config() {
        return config;
    }

    public FrameReader reader() {
        return reader;
    }

    public FrameEncoder encoder() {
        return encoder;
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    public ArtifactUploads artifacts() {
        return artifacts;
    }

    /** Every open WebSocket channel, for shutdown. */
    public ChannelGroup channels() {
        return channels;
    }

    public BusMetrics metrics() {
        return metrics;
    }

    /** Admits clients at hello. */
    public Authenticator auth() {
        return auth;
    }

    String nextSessionId() {
        return sessionPrefix + "-" + sessionCounter.incrementAndGet();
    }
}
