package io.agentbus.server.it;

import io.agentbus.server.AgentBusServer;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** The daemon in-process on a free port of 127.0.0.1 with its data in a test's directory. */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dataDir;
    private final Map<Setting, Object> settings;
    private AgentBusServer server;

    private TestServer(Path dataDir, Map<Setting, Object> settings) throws Exception {
        this.dataDir = dataDir;
        this.settings = settings;
        start();
    }

    public static TestServer start(Path dataDir) throws Exception {
        return new TestServer(dataDir, Map.of());
    }

    public static TestServer start(Path dataDir, Map<Setting, Object> settings) throws Exception {
        return new TestServer(dataDir, settings);
    }

    private void start() throws Exception {
        ServerConfig.Builder b = ServerConfig.builder().port(0).dataDir(dataDir);
        settings.forEach(b::set);
        server = AgentBusServer.start(b.build());
    }

    /** Stops gracefully and starts again on a new port with the same data. */
    public void restart() throws Exception {
        server.close();
        start();
    }

    public int port() {
        return server.port();
    }

    /** The TLS engine serving the port, or {@code null} without TLS. */
    public String tlsProvider() {
        return server.tlsProvider();
    }

    public WsClient hello(String client) {
        return WsClient.hello(port(), client);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} with {@code Authorization: Bearer token}. */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST path} with {@code Authorization: Bearer token}. */
    public HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.close();
    }
}
