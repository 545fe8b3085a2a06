package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's files, read from the classpath once: the page at {@code /}, its script and style
 * sheet, and Chart.js from its webjar at {@value #CHART_JS_PATH}. No build step: they are served as
 * they are in {@code src/main/resources}.
 */
final class StaticAssets {
    static final String CHART_JS_PATH = "/assets/chart.umd.js";
    private static final String DASHBOARD = "/io/agentbus/server/http/dashboard/";
    private static final String CHART_JS_WEBJAR = "/META-INF/resources/webjars/chart.js/";
    private static final String CHART_JS_VERSION = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final Map<String, Asset> assets = new HashMap<>();

    StaticAssets() {
        add("/", DASHBOARD + "index.html", "text/html; charset=utf-8");
        add("/dashboard.js", DASHBOARD + "dashboard.js", "text/javascript; charset=utf-8");
        add("/dashboard.css", DASHBOARD + "dashboard.css", "text/css; charset=utf-8");
        add(CHART_JS_PATH, CHART_JS_WEBJAR + chartJsVersion() + "/dist/chart.umd.js", "text/javascript; charset=utf-8");
    }

    boolean serves(String path) {
        return assets.containsKey(path);
    }

    void respond(ChannelHandlerContext ctx, boolean keepAlive, String path) {
        Asset asset = assets.get(path);
        if (asset == null) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.NOT_FOUND, "no such path: " + path);
            return;
        }
        HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, asset.contentType,
                Unpooled.wrappedBuffer(asset.bytes));
    }

    private void add(String path, String resource, String contentType) {
        assets.put(path, new Asset(read(resource), contentType));
    }

    private static String chartJsVersion() {
        Properties pom = new Properties();
        try (InputStream in = open(CHART_JS_VERSION)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = StaticAssets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is not on the classpath");
        }
        return in;
    }

    private record Asset(byte[] bytes, String contentType) {
    }
}
