package io.agentbus.orchestrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a notification as JSON to an incoming-webhook URL. The body has a {@code text} line (what
 * Slack-style webhooks show, and what a Telegram bridge forwards) plus the event's fields. A
 * failed POST is logged, never fatal.
 */
final class Webhook {
    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    Webhook(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends {@code body}; completes with the HTTP status, or -1 if it could not be sent. */
    CompletableFuture<Integer> post(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                LOG.warn("webhook {}: POST failed: {}", url, error.toString());
                return -1;
            }
            if (response.statusCode() >= 300) {
                LOG.warn("webhook {}: POST answered {}", url, response.statusCode());
            }
            return response.statusCode();
        });
    }
}
