package io.agentbus.client.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.ConnectionState;
import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.protocol.Ids;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The options every command takes (a picocli mixin): which server, as which client, with which
 * token, and how long to wait. Each defaults to an {@code AGENTBUS_*} environment variable.
 */
final class CommonOptions {
    static final String DEFAULT_URL = "ws://127.0.0.1:7070/ws";

    @Option(names = "--url", paramLabel = "URL", converter = ServerUrlArgument.class,
            defaultValue = "${env:AGENTBUS_URL:-" + DEFAULT_URL + "}",
            description = "the server's WebSocket endpoint, or a cluster's endpoints separated by commas, tried in"
                    + " turn when a connection drops (default: $AGENTBUS_URL, else " + DEFAULT_URL + ")")
    private ServerUrls url;

    @Option(names = "--client", paramLabel = "ID", converter = IdArgument.class,
            defaultValue = "${env:AGENTBUS_CLIENT}", showDefaultValue = Visibility.NEVER,
            description = "the client id to say hello as (default: $AGENTBUS_CLIENT, else the token's subject,"
                    + " else cli-USER-PID)")
    private String clientId;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:AGENTBUS_TOKEN}",
            showDefaultValue = Visibility.NEVER, description = "the access token (default: $AGENTBUS_TOKEN)")
    private String token;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = SecondsArgument.class, defaultValue = "10",
            description = "how long to keep trying to connect, and to wait for each reply (default: 10)")
    private Duration timeout;

    ServerUrls url() {
        return url;
    }

    String token() {
        return token;
    }

    Duration timeout() {
        return timeout;
    }

    String clientId() {
        if (clientId != null) {
            return clientId;
        }
        String subject = token == null ? null : TokenSubject.of(token);
        return subject != null ? subject : defaultClientId(System.getProperty("user.name", "user"),
                ProcessHandle.current().pid());
    }

    /** A client builder for the server, id, token and timeout these options name. */
    AgentBusClient.Builder clientBuilder() {
        return AgentBusClient.builder(url.uris(), clientId()).token(token).connectTimeout(timeout).requestTimeout(timeout);
    }

    /**
     * Connects, retrying with back-off until the timeout; on failure the exception says why the
     * last attempt failed, e.g. {@code cannot connect to ws://127.0.0.1:7070/ws: Connection refused}.
     */
    AgentBusClient connect(AgentBusClient.Builder builder) {
        AtomicReference<String> lastFailure = new AtomicReference<>();
        builder.onConnectionChange(e -> {
            if (e.state() == ConnectionState.DISCONNECTED) {
                lastFailure.set(e.reason());
            }
        });
        try {
            return builder.connect();
        } catch (ConnectFailedException e) {
            String why = lastFailure.get();
            if (why == null || Failure.serverError(e) != null) {
                throw e;
            }
            throw new ConnectFailedException(why.startsWith("cannot connect") ? why
                    : "cannot connect to " + url + ": " + why, e);
        }
    }

    /**
     * {@code cli-USER-PID}, with each character of the user name that the id rule forbids replaced
     * by {@code _}, and the user name shortened if the id would be too long.
     */
    static String defaultClientId(String user, long pid) {
        String suffix = "-" + pid;
        StringBuilder id = new StringBuilder("cli-");
        for (int i = 0; i < user.length() && id.length() + suffix.length() < Ids.MAX_LENGTH; i++) {
            char c = user.charAt(i);
            id.append(Ids.isValid("a" + c) ? c : '_');
        }
        return id.append(suffix).toString();
    }
}
