package io.agentbus.server.config;

import io.agentbus.server.journal.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The daemon's settings, immutable and validated once. Build one with {@link #builder()} (tests,
 * embedding) or {@link #fromValues(Map)} (the config loader); every value has the default named
 * in {@link Setting}.
 */
public final class ServerConfig {
    /** Every setting at its default. */
    public static final ServerConfig DEFAULT = builder().build();

    private final Map<Setting, String> values;
    private final String host;
    private final int port;
    private final Path dataDir;
    private final int maxFrameBytes;
    private final long idleTimeoutMs;
    private final long heartbeatMs;
    private final int ingressQueueCapacity;
    private final int deliveryQueueCapacity;
    private final long deliveryQueueBytes;
    private final int writeBufferLowBytes;
    private final int writeBufferHighBytes;
    private final int artifactMaxBytes;
    private final long artifactRoomQuotaBytes;
    private final Path tlsCertFile;
    private final Path tlsKeyFile;
    private final TlsProvider tlsProvider;
    private final AllowedOrigins wsAllowedOrigins;
    private final long handshakeTimeoutMs;
    private final int maxConnections;
    private final int maxConnectionsPerIp;
    private final int maxRoomsPerConnection;
    private final int maxMembersPerRoom;
    private final int maxInboxPending;
    private final RateLimits rateLimits;
    private final Durability durability;
    private final JournalRollCycle rollCycle;
    private final long journalMinFreeBytes;
    private final RetentionPolicy retention;
    private final int ioThreads;
    private final TransportKind transport;
    private final long shutdownTimeoutMs;
    private final long dedupWindowMs;
    private final int dedupMaxIds;
    private final int metricsRoomLabels;
    private final String clusterRedis;
    private final long clusterTimeoutMs;
    private final int internalQueueDegraded;
    private final int clusterStreamMaxLength;
    private final LogFormat logFormat;
    private final LogLevel logLevel;
    private final AuthMode authMode;
    private final String authSecret;
    private final Path authSecretFile;
    private final Path authPublicKeyFile;
    private final Path authDenylistFile;
    private final long authDenylistReloadMs;

    private ServerConfig(Map<Setting, String> values) {
        this.values = values;
        SettingParser p = new SettingParser(values);
        host = p.text(Setting.HOST);
        port = p.intInRange(Setting.PORT, 0, 65535);
        dataDir = Path.of(p.text(Setting.DATA_DIR));
        maxFrameBytes = p.intInRange(Setting.MAX_FRAME_BYTES, 1024, 64 << 20);
        idleTimeoutMs = p.longInRange(Setting.IDLE_TIMEOUT_MS, 100, 86_400_000L);
        heartbeatMs = p.longInRange(Setting.HEARTBEAT_MS, 50, 86_400_000L);
        ingressQueueCapacity = p.intInRange(Setting.INGRESS_QUEUE_CAPACITY, 16, 1 << 24);
        deliveryQueueCapacity = p.intInRange(Setting.DELIVERY_QUEUE_CAPACITY, 16, 1 << 24);
        deliveryQueueBytes = p.longInRange(Setting.DELIVERY_QUEUE_BYTES, 1024, 1L << 40);
        writeBufferLowBytes = p.intInRange(Setting.WRITE_BUFFER_LOW_BYTES, 1024, 1 << 30);
        writeBufferHighBytes = p.intInRange(Setting.WRITE_BUFFER_HIGH_BYTES, 2048, 1 << 30);
        artifactMaxBytes = p.intInRange(Setting.ARTIFACT_MAX_BYTES, 1, 256 << 20);
        artifactRoomQuotaBytes = p.longInRange(Setting.ARTIFACT_ROOM_QUOTA_BYTES, 0, Long.MAX_VALUE);
        tlsCertFile = readableFile(p, Setting.TLS_CERT_FILE);
        tlsKeyFile = readableFile(p, Setting.TLS_KEY_FILE);
        tlsProvider = p.choice(Setting.TLS_PROVIDER, TlsProvider.class);
        wsAllowedOrigins = AllowedOrigins.parse(Setting.WS_ALLOWED_ORIGINS.key(), values.get(Setting.WS_ALLOWED_ORIGINS));
        handshakeTimeoutMs = p.longInRange(Setting.HANDSHAKE_TIMEOUT_MS, 100, 3_600_000L);
        maxConnections = p.intInRange(Setting.MAX_CONNECTIONS, 1, 10_000_000);
        maxConnectionsPerIp = p.intInRange(Setting.MAX_CONNECTIONS_PER_IP, 1, 10_000_000);
        maxRoomsPerConnection = p.intInRange(Setting.MAX_ROOMS_PER_CONNECTION, 1, 10_000_000);
        maxMembersPerRoom = p.intInRange(Setting.MAX_MEMBERS_PER_ROOM, 1, 10_000_000);
        maxInboxPending = p.intInRange(Setting.MAX_INBOX_PENDING, 1, 100_000_000);
        rateLimits = RateLimits.parse(p, maxWebSocketMessageBytes());
        durability = p.choice(Setting.DURABILITY, Durability.class);
        rollCycle = p.choice(Setting.ROLL_CYCLE, JournalRollCycle.class);
        journalMinFreeBytes = p.longInRange(Setting.JOURNAL_MIN_FREE_BYTES, 0, Long.MAX_VALUE);
        retention = new RetentionPolicy(p.intInRange(Setting.RETENTION_CYCLES, 0, 1_000_000),
                p.longInRange(Setting.RETENTION_BYTES, 0, Long.MAX_VALUE));
        int threads = p.intInRange(Setting.IO_THREADS, 0, 1024);
        ioThreads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        transport = p.choice(Setting.TRANSPORT, TransportKind.class);
        shutdownTimeoutMs = p.longInRange(Setting.SHUTDOWN_TIMEOUT_MS, 0, 3_600_000L);
        dedupWindowMs = p.longInRange(Setting.DEDUP_WINDOW_MS, 0, 86_400_000L);
        dedupMaxIds = p.intInRange(Setting.DEDUP_MAX_IDS, 1, 100_000_000);
        metricsRoomLabels = p.intInRange(Setting.METRICS_ROOM_LABELS, 0, 1000);
        internalQueueDegraded = p.intInRange(Setting.INTERNAL_QUEUE_DEGRADED, 0, Integer.MAX_VALUE);
        clusterRedis = p.redisUri(Setting.CLUSTER_REDIS);
        clusterTimeoutMs = p.longInRange(Setting.CLUSTER_TIMEOUT_MS, 10, 600_000L);
        clusterStreamMaxLength = p.intInRange(Setting.CLUSTER_STREAM_MAX_LENGTH, 100, 1_000_000_000);
        logFormat = p.choice(Setting.LOG_FORMAT, LogFormat.class);
        logLevel = p.choice(Setting.LOG_LEVEL, LogLevel.class);
        authMode = p.choice(Setting.AUTH, AuthMode.class);
        authSecret = p.optionalText(Setting.AUTH_SECRET);
        authSecretFile = optionalPath(p, Setting.AUTH_SECRET_FILE);
        authPublicKeyFile = optionalPath(p, Setting.AUTH_PUBLIC_KEY_FILE);
        authDenylistFile = optionalPath(p, Setting.AUTH_DENYLIST_FILE);
        authDenylistReloadMs = p.longInRange(Setting.AUTH_DENYLIST_RELOAD_MS, 10, 86_400_000L);
        p.require(authSecret == null || authSecretFile == null,
                Setting.AUTH_SECRET.key() + " and " + Setting.AUTH_SECRET_FILE.key() + " are both set: give one");
        p.require(writeBufferLowBytes < writeBufferHighBytes,
                Setting.WRITE_BUFFER_LOW_BYTES.key() + " must be below " + Setting.WRITE_BUFFER_HIGH_BYTES.key());
        p.require(heartbeatMs < idleTimeoutMs,
                Setting.HEARTBEAT_MS.key() + " must be below " + Setting.IDLE_TIMEOUT_MS.key());
        p.require((tlsCertFile == null) == (tlsKeyFile == null), Setting.TLS_CERT_FILE.key() + " and "
                + Setting.TLS_KEY_FILE.key() + " go together: set both for TLS, or neither");
    }

    /** An optional file setting: {@code null} when empty, else a file that exists and can be read. */
    private static Path readableFile(SettingParser p, Setting s) {
        String v = p.optionalText(s);
        if (v == null) {
            return null;
        }
        Path file;
        try {
            file = Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException(s.key() + " is not a file name: '" + v + "'");
        }
        p.require(Files.isRegularFile(file), s.key() + " names no file: " + file.toAbsolutePath());
        p.require(Files.isReadable(file), s.key() + " cannot be read (permissions): " + file.toAbsolutePath());
        return file;
    }

    private static Path optionalPath(SettingParser p, Setting s) {
        String v = p.optionalText(s);
        try {
            return v == null ? null : Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException(s.key() + " must be a file path, not '" + v + "'");
        }
    }

    /**
     * A config from raw values; settings not in the map take their defaults.
     *
     * @throws ConfigException naming the first setting whose value is unusable
     */
    public static ServerConfig fromValues(Map<Setting, String> raw) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, raw.getOrDefault(s, s.defaultValue()).trim());
        }
        return new ServerConfig(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The raw value of a setting as resolved, for logs and {@code --help}. */
    public String value(Setting setting) {
        return values.get(setting);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path journalDir() {
        return dataDir.resolve("journal");
    }

    public Path artifactDir() {
        return dataDir.resolve("artifacts");
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public long idleTimeoutMs() {
        return idleTimeoutMs;
    }

    public long heartbeatMs() {
        return heartbeatMs;
    }

    public int ingressQueueCapacity() {
        return ingressQueueCapacity;
    }

    public int deliveryQueueCapacity() {
        return deliveryQueueCapacity;
    }

    /** Live frame bytes one connection's delivery queue may hold (low and normal get a share). */
    public long deliveryQueueBytes() {
        return deliveryQueueBytes;
    }

    public int writeBufferLowBytes() {
        return writeBufferLowBytes;
    }

    public int writeBufferHighBytes() {
        return writeBufferHighBytes;
    }

    public int artifactMaxBytes() {
        return artifactMaxBytes;
    }

    public long artifactRoomQuotaBytes() {
        return artifactRoomQuotaBytes;
    }

    /** The PEM certificate chain when TLS is on, else {@code null}. */
    public Path tlsCertFile() {
        return tlsCertFile;
    }

    /** The PEM private key when TLS is on, else {@code null}. */
    public Path tlsKeyFile() {
        return tlsKeyFile;
    }

    public boolean tlsEnabled() {
        return tlsCertFile != null;
    }

    public TlsProvider tlsProvider() {
        return tlsProvider;
    }

    /** Browser origins allowed besides the daemon's own. */
    public AllowedOrigins wsAllowedOrigins() {
        return wsAllowedOrigins;
    }

    /** Time allowed for the TLS handshake and for each HTTP request (the WebSocket upgrade included). */
    public long handshakeTimeoutMs() {
        return handshakeTimeoutMs;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    public int maxRoomsPerConnection() {
        return maxRoomsPerConnection;
    }

    public int maxMembersPerRoom() {
        return maxMembersPerRoom;
    }

    /** Direct messages that may wait for one recipient (journaled, not yet written to it). */
    public int maxInboxPending() {
        return maxInboxPending;
    }

    /** Rates of frames, bytes and new connections, per client id and per IP address. */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The largest WebSocket message read at all: big enough for an artifact in base64. */
    public int maxWebSocketMessageBytes() {
        long artifactFrame = (long) artifactMaxBytes * 4 / 3 + 64 * 1024;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(maxFrameBytes, artifactFrame));
    }

    public Durability durability() {
        return durability;
    }

    public JournalRollCycle rollCycle() {
        return rollCycle;
    }

    public long journalMinFreeBytes() {
        return journalMinFreeBytes;
    }

    public RetentionPolicy retention() {
        return retention;
    }

    public int ioThreads() {
        return ioThreads;
    }

    public TransportKind transport() {
        return transport;
    }

    public long shutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    /** Past this many notifications waiting in the sequencer's internal queue, {@code /health} says degraded. */
    public int internalQueueDegraded() {
        return internalQueueDegraded;
    }

    /** How long a message id is remembered for de-duplication; 0 turns de-duplication off. */
    public long dedupWindowMs() {
        return dedupWindowMs;
    }

    /** The most message ids remembered for de-duplication at once. */
    public int dedupMaxIds() {
        return dedupMaxIds;
    }

    /** Rooms that get a {@code room} label of their own on {@code /metrics}. */
    public int metricsRoomLabels() {
        return metricsRoomLabels;
    }

    /** The Redis URI that makes this node one of a cluster, or {@code null} for a single node. */
    public String clusterRedis() {
        return clusterRedis;
    }

    public boolean clustered() {
        return clusterRedis != null;
    }

    /** How long a Redis command may take before it fails. */
    public long clusterTimeoutMs() {
        return clusterTimeoutMs;
    }

    /** Messages kept per room in its Redis stream, approximately. */
    public int clusterStreamMaxLength() {
        return clusterStreamMaxLength;
    }

    public LogFormat logFormat() {
        return logFormat;
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public AuthMode authMode() {
        return authMode;
    }

    /** The HS256 secret given inline, or {@code null}. */
    public String authSecret() {
        return authSecret;
    }

    /** The file holding the HS256 secret, or {@code null}. */
    public Path authSecretFile() {
        return authSecretFile;
    }

    /** The PEM public key file for RS256/ES256, or {@code null}. */
    public Path authPublicKeyFile() {
        return authPublicKeyFile;
    }

    /** The deny-list of revoked token ids, or {@code null}. */
    public Path authDenylistFile() {
        return authDenylistFile;
    }

    public long authDenylistReloadMs() {
        return authDenylistReloadMs;
    }

    /** Sets settings by {@link Setting}; what is not set keeps its default. */
    public static final class Builder {
        private final Map<Setting, String> values = new EnumMap<>(Setting.class);

        private Builder() {
        }

        public Builder set(Setting setting, Object value) {
            values.put(setting, String.valueOf(value));
            return this;
        }

        public Builder port(int port) {
            return set(Setting.PORT, port);
        }

        public Builder dataDir(Path dir) {
            return set(Setting.DATA_DIR, dir);
        }

        public ServerConfig build() {
            return fromValues(values);
        }
    }
}
