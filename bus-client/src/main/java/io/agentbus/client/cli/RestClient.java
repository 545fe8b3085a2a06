package io.agentbus.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.client.error.ServerErrorException;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs from the server's REST endpoints, on the host and port of its WebSocket URL. Failures
 * come out as the WebSocket client's would: no connection as {@link ConnectFailedException}, a
 * JSON error answer ({@code {"code","message"}}) as the typed {@link ServerErrorException}.
 */
final class RestClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final URI base;
    private final String token;
    private final Duration timeout;

    RestClient(URI webSocketUrl, String token, Duration timeout) {
        this.base = httpBase(webSocketUrl);
        this.token = token;
        this.timeout = timeout;
    }

    /** {@code http://host:port} of a {@code ws://host:port/ws} URL. */
    static URI httpBase(URI webSocketUrl) {
        int port = webSocketUrl.getPort() == -1 ? 80 : webSocketUrl.getPort();
        try {
            return new URI("http", null, webSocketUrl.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no HTTP URL for " + webSocketUrl, e);
        }
    }

    /** The body of a {@code 200} answer to {@code GET path}. */
    String get(String path) throws InterruptedException {
        URI uri = base.resolve(path);
        HttpResponse<String> response = send(uri);
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        return response.body();
    }

    private HttpResponse<String> send(URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ConnectFailedException("no answer from " + uri + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ConnectFailedException("cannot connect to " + base + ": " + why(e), e);
        }
    }

    private static RuntimeException refusal(HttpResponse<String> response) {
        ErrorFrame error = errorOf(response.body());
        if (error == null) {
            return new CommandException(ExitCode.REFUSED, "HTTP " + response.statusCode() + " from "
                    + response.uri() + ": " + response.body().strip());
        }
        return ServerErrorException.of(error);
    }

    /** The {@code {"code","message"}} of an error answer, or {@code null} if it is not one. */
    private static ErrorFrame errorOf(String body) {
        String code = null;
        String message = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("code")) {
                    code = p.getValueAsString();
                } else if (field.equals("message")) {
                    message = p.getValueAsString();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        ErrorCode errorCode = code == null ? null : ErrorCode.fromWire(code);
        return errorCode == null || message == null ? null : new ErrorFrame(null, errorCode, message);
    }

    /**
     * The first message in the cause chain; the HTTP client's {@link ConnectException} has none,
     * and means the connection was refused.
     */
    private static String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "Connection refused" : e.getClass().getSimpleName();
    }
}
