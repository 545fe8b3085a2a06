package io.agentbus.server.transport;

import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.config.TlsProvider;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The server's TLS context from a PEM certificate chain and key: BoringSSL through
 * netty-tcnative where it loads ({@code tls.provider=auto}), the JDK's engine otherwise.
 */
public final class Tls {
    private final SslContext context;
    private final String providerName;
    private final long handshakeTimeoutMs;

    private Tls(SslContext context, String providerName, long handshakeTimeoutMs) {
        this.context = context;
        this.providerName = providerName;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
    }

    /**
     * The TLS context the config asks for, or {@code null} when TLS is off.
     *
     * @throws ConfigException when the files do not make a TLS context, or OpenSSL was asked for and
     *                         does not load
     */
    public static Tls create(ServerConfig config) {
        if (!config.tlsEnabled()) {
            return null;
        }
        SslProvider provider = provider(config.tlsProvider());
        Path cert = config.tlsCertFile();
        Path key = config.tlsKeyFile();
        try {
            SslContext context = SslContextBuilder.forServer(cert.toFile(), key.toFile()).sslProvider(provider).build();
            return new Tls(context, provider == SslProvider.OPENSSL ? "openssl (" + OpenSsl.versionString() + ")"
                    : "jdk", config.handshakeTimeoutMs());
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException(Setting.TLS_CERT_FILE.key() + " " + cert.toAbsolutePath() + " and "
                    + Setting.TLS_KEY_FILE.key() + " " + key.toAbsolutePath() + " do not make a TLS context"
                    + " (PEM certificate chain and unencrypted PKCS#8 PEM key expected): " + rootMessage(e));
        }
    }

    private static SslProvider provider(TlsProvider wanted) {
        return switch (wanted) {
            case JDK -> SslProvider.JDK;
            case OPENSSL -> requireOpenSsl();
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        };
    }

    private static SslProvider requireOpenSsl() {
        if (!OpenSsl.isAvailable()) {
            throw new ConfigException(Setting.TLS_PROVIDER.key() + "=openssl but netty-tcnative does not load here: "
                    + OpenSsl.unavailabilityCause());
        }
        return SslProvider.OPENSSL;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            text.append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** Which engine serves TLS, for the start log: {@code openssl (BoringSSL)} or {@code jdk}. */
    public String providerName() {
        return providerName;
    }

    /** A handler for one connection; its handshake must finish within {@code handshake.timeout.ms}. */
    SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = context.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMs);
        return handler;
    }
}
