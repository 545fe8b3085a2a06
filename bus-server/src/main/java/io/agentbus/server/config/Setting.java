package io.agentbus.server.config;

/**
 * Every setting of the daemon, with its key, default and meaning. The key is used as is in a
 * config file ({@code max.frame.bytes=2097152}), upper-cased with {@code _} and an
 * {@code AGENTBUS_} prefix in the environment ({@code AGENTBUS_MAX_FRAME_BYTES}), and with
 * {@code -} as a command-line flag ({@code --max-frame-bytes}).
 */
public enum Setting {
    HOST("host", "127.0.0.1", "address to listen on"),
    PORT("port", "7070", "TCP port of the WebSocket and HTTP endpoint (0 picks a free port)"),
    DATA_DIR("data.dir", "./data", "directory for the journal and artifacts"),
    MAX_FRAME_BYTES("max.frame.bytes", "1048576", "largest frame or REST body accepted, in bytes"),
    IDLE_TIMEOUT_MS("idle.timeout.ms", "60000", "a connection silent this long is closed"),
    HEARTBEAT_MS("heartbeat.ms", "20000", "how often clients should ping, told in welcome"),
    INGRESS_QUEUE_CAPACITY("ingress.queue.capacity", "65536",
            "requests waiting for the sequencer before new ones get 'overloaded'"),
    DELIVERY_QUEUE_CAPACITY("delivery.queue.capacity", "16384",
            "frames queued per connection and priority before low/normal are dropped"),
    DELIVERY_QUEUE_BYTES("delivery.queue.bytes", "67108864",
            "message bytes queued per connection; low may fill 1/2, normal 3/4"),
    WRITE_BUFFER_LOW_BYTES("write.buffer.low.bytes", "32768", "socket write buffer low water mark"),
    WRITE_BUFFER_HIGH_BYTES("write.buffer.high.bytes", "131072", "socket write buffer high water mark"),
    ARTIFACT_MAX_BYTES("artifact.max.bytes", "10485760", "largest artifact a member may upload"),
    ARTIFACT_ROOM_QUOTA_BYTES("artifact.room.quota.bytes", "104857600", "artifact bytes a room may hold"),
    TLS_CERT_FILE("tls.cert.file", "",
            "PEM certificate chain; with tls.key.file the port is wss:// and https:// only"),
    TLS_KEY_FILE("tls.key.file", "", "PEM private key (PKCS#8, unencrypted) of tls.cert.file"),
    TLS_PROVIDER("tls.provider", "auto", "TLS engine: auto (openssl where it loads, else jdk), openssl or jdk"),
    WS_ALLOWED_ORIGINS("ws.allowed.origins", "",
            "browser origins allowed besides its own: scheme://host[:port],... or *"),
    HANDSHAKE_TIMEOUT_MS("handshake.timeout.ms", "10000",
            "time for the TLS handshake and each HTTP request (the upgrade too)"),
    MAX_CONNECTIONS("max.connections", "50000", "open TCP connections at most; more get HTTP 503"),
    MAX_CONNECTIONS_PER_IP("max.connections.per.ip", "20000",
            "open TCP connections from one IP address at most; more get HTTP 503"),
    MAX_ROOMS_PER_CONNECTION("max.rooms.per.connection", "1000", "rooms one connection may be a member of"),
    MAX_MEMBERS_PER_ROOM("max.members.per.room", "10000", "member connections a room may have"),
    MAX_INBOX_PENDING("max.inbox.pending", "10000",
            "direct messages waiting for one recipient; a send beyond gets overloaded"),
    RATE_MESSAGES_PER_CLIENT("rate.messages.per.client", "10000",
            "frames per second one client id may send; more: rate_limited (0 = off)"),
    RATE_BYTES_PER_CLIENT("rate.bytes.per.client", "33554432", "frame bytes per second one client id may send (0 = off)"),
    RATE_MESSAGES_PER_IP("rate.messages.per.ip", "100000", "frames per second from one IP address (0 = off)"),
    RATE_BYTES_PER_IP("rate.bytes.per.ip", "134217728", "frame bytes per second from one IP address (0 = off)"),
    RATE_CONNECTIONS_PER_IP("rate.connections.per.ip", "2000",
            "new connections per second from one IP address; more get HTTP 429 (0 = off)"),
    RATE_REFUSALS_BEFORE_CLOSE("rate.refusals.before.close", "100",
            "rate_limited answers within rate.refusal.window.ms before close 4029"),
    RATE_REFUSAL_WINDOW_MS("rate.refusal.window.ms", "10000", "the window of rate.refusals.before.close"),
    DURABILITY("durability", "ack-after-append",
            "ack-after-append (survives a crash) or ack-after-sync (survives power loss)"),
    ROLL_CYCLE("journal.roll.cycle", "daily",
            "journal file period: daily, hourly, five-minutely or secondly (tests)"),
    JOURNAL_MIN_FREE_BYTES("journal.min.free.bytes", "134217728",
            "below this many free bytes on the journal's disk, appends get 'overloaded'"),
    RETENTION_CYCLES("retention.cycles", "0", "journal files (cycles) kept, newest first; 0 keeps all"),
    RETENTION_BYTES("retention.bytes", "0", "journal bytes kept at most, in whole files; 0 = no limit"),
    IO_THREADS("io.threads", "0", "event loop threads (0 = one per core)"),
    TRANSPORT("transport", "auto", "socket transport: auto (epoll where it loads), epoll or nio"),
    SHUTDOWN_TIMEOUT_MS("shutdown.timeout.ms", "10000", "how long a graceful shutdown may take"),
    DEDUP_WINDOW_MS("dedup.window.ms", "300000",
            "a pub/send repeating a message id seen this recently is a duplicate (0 = off)"),
    DEDUP_MAX_IDS("dedup.max.ids", "1000000",
            "message ids remembered at most, oldest evicted first (~170-260 bytes each)"),
    METRICS_ROOM_LABELS("metrics.room.labels", "20",
            "rooms labelled on /metrics; the rest count as other"),
    INTERNAL_QUEUE_DEGRADED("internal.queue.degraded", "100000",
            "/health is degraded past this many notifications queued for the sequencer"),
    CLUSTER_REDIS("cluster.redis", "none",
            "redis://host:port of the Redis linking a cluster's nodes; none = one node"),
    CLUSTER_TIMEOUT_MS("cluster.timeout.ms", "2000",
            "cluster: a Redis command unanswered this long fails ('overloaded')"),
    CLUSTER_STREAM_MAX_LENGTH("cluster.stream.max.length", "100000",
            "cluster: entries (messages, events) kept per room stream, roughly"),
    LOG_FORMAT("log.format", "text", "log lines on stdout: text or json (JSON lines)"),
    LOG_LEVEL("log.level", "info", "lowest level logged: error, warn, info, debug, trace"),
    AUTH("auth", "auto", "auto: token if a secret or key is set, else none (loopback only); token; none"),
    AUTH_SECRET("auth.secret", "", "the HS256 secret, at least 32 bytes (better: auth.secret.file)", true),
    AUTH_SECRET_FILE("auth.secret.file", "", "file holding the HS256 secret (surrounding white space ignored)"),
    AUTH_PUBLIC_KEY_FILE("auth.public.key.file", "",
            "PEM public key that verifies RS256 (RSA key) or ES256 (EC P-256 key) tokens"),
    AUTH_DENYLIST_FILE("auth.denylist.file", "", "revoked token ids (jti), one per line; reloaded when it changes"),
    AUTH_DENYLIST_RELOAD_MS("auth.denylist.reload.ms", "5000", "how often the deny-list file is checked for changes");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    Setting(String key, String defaultValue, String description) {
        this(key, defaultValue, description, false);
    }

    Setting(String key, String defaultValue, String description, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    /** The key in a config file, e.g. {@code max.frame.bytes}. */
    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Whether the value must never be logged or shown. */
    public boolean isSecret() {
        return secret;
    }

    /** The environment variable, e.g. {@code AGENTBUS_MAX_FRAME_BYTES}. */
    public String envName() {
        return "AGENTBUS_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** The command-line flag, e.g. {@code --max-frame-bytes}. */
    public String flag() {
        return "--" + key.replace('.', '-');
    }

    /** The setting with this config-file key, or {@code null}. */
    public static Setting fromKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
