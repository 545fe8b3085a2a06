package io.agentbus.orchestrator.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.protocol.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of the commands that talk to the bus (a picocli mixin): server, client id, token, timeout. */
final class BusOptions {
    static final String DEFAULT_URL = "ws://127.0.0.1:7070/ws";

    @Option(names = {"--bus", "--url"}, paramLabel = "URL", converter = WsUrl.class,
            defaultValue = "${env:AGENTBUS_URL:-" + DEFAULT_URL + "}",
            description = "the bus's WebSocket endpoint (default: $AGENTBUS_URL, else " + DEFAULT_URL + ")")
    URI url;

    @Option(names = "--client", paramLabel = "ID", defaultValue = "${env:AGENTBUS_CLIENT}",
            description = "the client id to say hello as (default: $AGENTBUS_CLIENT, else one per command)")
    String clientId;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:AGENTBUS_TOKEN}",
            description = "the access token (default: $AGENTBUS_TOKEN)")
    String token;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long to keep trying to connect, and to wait for each reply (default: 10)")
    int timeoutSeconds;

    /** Connects as {@code clientId}, or as {@code fallbackId} when no {@code --client} was given. */
    AgentBusClient connect(String fallbackId) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--connect-timeout must be at least 1 second, not " + timeoutSeconds);
        }
        String id = clientId != null ? clientId : fallbackId;
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("--client must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: " + id);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return AgentBusClient.builder(url, id).token(token).connectTimeout(timeout).requestTimeout(timeout).connect();
    }

    /** A {@code ws://} URL with a host. */
    static final class WsUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value);
                if (!"ws".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new TypeConversionException("'" + value + "' is not a ws://HOST:PORT/ws URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a URL: " + e.getReason());
            }
        }
    }
}
