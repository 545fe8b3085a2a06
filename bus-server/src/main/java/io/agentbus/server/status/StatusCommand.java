package io.agentbus.server.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code agentbus status}: asks a running daemon's {@code /health} (and {@code /metrics}, for
 * rooms, traffic and latency) and prints a short summary. Exit status 0 when it is up, 1 when it
 * answers but is not up (starting, draining) or cannot be reached.
 */
public final class StatusCommand {
    /** The daemon answered and is up. */
    public static final int EXIT_UP = 0;
    /** The daemon is not up, or did not answer. */
    public static final int EXIT_NOT_UP = 1;
    static final String DEFAULT_URL = "http://127.0.0.1:7070";
    private static final String URL_FLAG = "--url";
    private static final String TIMEOUT_FLAG = "--timeout";
    private static final int HTTP_OK = 200;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    public StatusCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** A fresh spec for the {@code status} command. */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("status");
        spec.usageMessage()
                .description("Asks a running daemon how it is: /health, plus rooms, traffic and latency from /metrics.",
                        "Exit status: 0 up; 1 not up (starting, draining) or not reachable; 2 bad command line.");
        spec.addOption(OptionSpec.builder(URL_FLAG).paramLabel("URL").type(String.class)
                .description("the daemon: http://HOST:PORT, or its ws:// URL (default: $AGENTBUS_URL, else "
                        + DEFAULT_URL + ")").build());
        spec.addOption(OptionSpec.builder(TIMEOUT_FLAG).paramLabel("SECONDS").type(Integer.class)
                .description("how long to wait for each answer (default: 5)").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        return spec;
    }

    /** Runs a parsed {@code status} command line; returns the exit status. */
    public int run(ParseResult status) {
        URI base;
        try {
            base = baseUri(option(status, URL_FLAG, env.getOrDefault("AGENTBUS_URL", DEFAULT_URL)));
        } catch (IllegalArgumentException e) {
            err.println("agentbus status: " + e.getMessage());
            return 2;
        }
        Integer timeoutS = status.matchedOptionValue(TIMEOUT_FLAG, 5);
        if (timeoutS < 1) {
            err.println("agentbus status: --timeout must be at least 1 second, not " + timeoutS);
            return 2;
        }
        return report(base, Duration.ofSeconds(timeoutS));
    }

    private int report(URI base, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpResponse<String> health;
        try {
            health = get(http, base.resolve("/health"), timeout);
        } catch (IOException e) {
            err.println("agentbus: cannot reach " + base.resolve("/health") + ": " + reason(e));
            return EXIT_NOT_UP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_NOT_UP;
        }
        HealthSummary summary = HealthSummary.parse(health.body());
        out.println(summary.headline(base));
        out.println(summary.connectionsAndMemory());
        if (health.statusCode() == HTTP_OK) {
            metricsLine(http, base, timeout);
        }
        return health.statusCode() == HTTP_OK ? EXIT_UP : EXIT_NOT_UP;
    }

    private void metricsLine(HttpClient http, URI base, Duration timeout) {
        try {
            HttpResponse<String> metrics = get(http, base.resolve("/metrics"), timeout);
            if (metrics.statusCode() == HTTP_OK) {
                out.println(MetricsSummary.parse(metrics.body()).line());
            }
        } catch (IOException e) {
            err.println("agentbus: /metrics did not answer: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://host:port} from an http(s) or ws(s) URL, whatever its path. */
    static URI baseUri(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        String http = switch (scheme) {
            case "http", "ws" -> "http";
            case "https", "wss" -> "https";
            default -> throw new IllegalArgumentException("--url '" + url + "' must start with http://, https://, "
                    + "ws:// or wss://");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--url '" + url + "' names no host");
        }
        return URI.create(http + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static String option(ParseResult parsed, String flag, String fallback) {
        String value = parsed.matchedOptionValue(flag, null);
        return value == null ? fallback : value;
    }

    private static String reason(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
