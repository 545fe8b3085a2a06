package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.artifact.ArtifactUploads;
import io.agentbus.server.auth.Authenticator;
import io.agentbus.server.auth.Identity;
import io.agentbus.server.auth.Permissions;
import io.agentbus.server.auth.Right;
import io.agentbus.server.auth.TokenRejectedException;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.metrics.PrometheusMetrics;
import io.agentbus.server.ratelimit.ConnectionRates;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.List;

/**
 * HTTP beside the WebSocket on the same port: {@code /health}, {@code /metrics}, the dashboard at
 * {@code /}, the room REST API and artifact upload and download. Reads and writes of bus state go
 * through the sequencer like every WebSocket request; the answer is written from there. A system
 * room ({@code $sys.stats}) can be read ({@code GET …/messages}) but not written.
 *
 * <p>With tokens on, every {@code /api/v1} request needs {@code Authorization: Bearer TOKEN}
 * ({@code 401 unauthenticated} without a valid one) and the right its WebSocket twin needs
 * ({@code 403 forbidden}): {@code sub} to read a room's messages, {@code pub} to post messages
 * or artifacts, which are then from the token's subject. {@code /health}, {@code /metrics} and
 * the dashboard's files stay open.
 *
 * <p>Writes (posted messages and artifacts) take one message and their body's bytes from the rate
 * limits of their IP address and, with tokens on, of their token's client, the buckets WebSocket
 * frames take from: {@code 429 rate_limited} with {@code retry_after_ms} and {@code Retry-After}
 * when over.
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String ROOMS = "/api/v1/rooms";
    private static final String ARTIFACTS = "/api/v1/artifacts/";

    private final ServerConfig config;
    private final Sequencer sequencer;
    private final ArtifactUploads artifacts;
    private final Authenticator auth;
    private final HealthReport health;
    private final BusMetrics busMetrics;
    private final PrometheusMetrics metrics;
    private final StaticAssets assets = new StaticAssets();
    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();

    public HttpApiHandler(ServerConfig config, Sequencer sequencer, ArtifactUploads artifacts, Authenticator auth,
                          HealthReport health,
                          BusMetrics busMetrics, PrometheusMetrics metrics) {
        this.busMetrics = busMetrics;
        this.config = config;
        this.sequencer = sequencer;
        this.artifacts = artifacts;
        this.auth = auth;
        this.health = health;
        this.metrics = metrics;
    }

    /** Errors answered on this channel, by any handler, are counted (see {@link HttpResponses#error}). */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().attr(HttpResponses.ERROR_COUNTS).set(busMetrics);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        busMetrics.bytesReceived(request.content().readableBytes());
        Exchange ex = new Exchange(ctx, request, HttpUtil.isKeepAlive(request));
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (path.equals("/health")) {
            health.respond(ctx, ex.keepAlive);
        } else if (path.equals("/metrics")) {
            onlyGet(ex, () -> metrics(ex));
        } else if (assets.serves(path)) {
            onlyGet(ex, () -> assets.respond(ctx, ex.keepAlive, path));
        } else if (path.startsWith(ROOMS) || path.startsWith(ARTIFACTS)) {
            Identity identity = identify(ex);
            if (identity != null) {
                api(ex, uri, path, identity);
            }
        } else {
            ex.error(ErrorCode.NOT_FOUND, "no such path: " + path);
        }
    }

    private void api(Exchange ex, QueryStringDecoder uri, String path, Identity identity) {
        if (path.equals(ROOMS)) {
            onlyGet(ex, () -> RoomList.respond(ex.ctx, ex.keepAlive, sequencer));
        } else if (path.startsWith(ROOMS + "/")) {
            roomRoute(ex, uri, path.substring(ROOMS.length() + 1), identity);
        } else if (path.startsWith(ARTIFACTS)) {
            onlyGet(ex, () -> ArtifactDownload.respond(ex.ctx, ex.keepAlive, artifacts,
                    path.substring(ARTIFACTS.length())));
        } else {
            ex.error(ErrorCode.NOT_FOUND, "no such path: " + path);
        }
    }

    /** The request's identity, or {@code null} once it has been answered 401. */
    private Identity identify(Exchange ex) {
        try {
            return auth.bearer(ex.request.headers().get(HttpHeaderNames.AUTHORIZATION));
        } catch (TokenRejectedException e) {
            ex.error(ErrorCode.UNAUTHENTICATED, e.getMessage());
            return null;
        }
    }

    /** Whether the refusal is {@code null}; answers 403 with it otherwise. */
    private static boolean allowed(Exchange ex, String refusal) {
        if (refusal != null) {
            ex.error(ErrorCode.FORBIDDEN, refusal);
        }
        return refusal == null;
    }

    private void roomRoute(Exchange ex, QueryStringDecoder uri, String rest, Identity identity) {
        int slash = rest.indexOf('/');
        String room = slash < 0 ? rest : rest.substring(0, slash);
        String what = slash < 0 ? "" : rest.substring(slash + 1);
        boolean readsSystemRoom = Ids.isSystem(room) && what.equals("messages")
                && ex.request.method().equals(HttpMethod.GET);
        if (!Ids.isValid(room) && !readsSystemRoom) {
            ex.error(ErrorCode.BAD_REQUEST, "room '" + room + "' in the path must be an id matching "
                    + "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
        } else if (what.equals("messages") && ex.request.method().equals(HttpMethod.GET)) {
            if (allowed(ex, Permissions.readable(identity.grants(), room))) {
                history(ex, uri, room);
            }
        } else if (what.equals("messages") && ex.request.method().equals(HttpMethod.POST)) {
            if (allowed(ex, Permissions.room(identity.grants(), room, Right.PUB)) && withinRate(ex, identity)) {
                publish(ex, room, identity.client());
            }
        } else if (what.equals("artifacts") && ex.request.method().equals(HttpMethod.POST)) {
            if (allowed(ex, Permissions.room(identity.grants(), room, Right.PUB)) && withinRate(ex, identity)) {
                uploadArtifact(ex, uri, room, identity.client());
            }
        } else if (what.equals("messages") || what.equals("artifacts")) {
            ex.error(ErrorCode.BAD_REQUEST, "method " + ex.request.method() + " is not allowed on " + uri.path());
        } else {
            ex.error(ErrorCode.NOT_FOUND, "no such path: " + uri.path());
        }
    }

    /**
     * Whether a write fits the rates of its IP address and, with tokens on, of its token's client
     * (one message and its body's bytes, as a WebSocket frame would take); answers 429 otherwise.
     */
    private boolean withinRate(Exchange ex, Identity identity) {
        ConnectionRates rates = ex.ctx.channel().attr(ConnectionRates.KEY).get();
        if (rates == null) {
            return true;
        }
        String client = auth.tokensRequired() ? identity.client() : null;
        long waitMs = rates.admitRequest(client, ex.request.content().readableBytes());
        if (waitMs > 0) {
            HttpResponses.rateLimited(ex.ctx, ex.keepAlive, rates.lastRefusal() + "; retry after " + waitMs + " ms",
                    waitMs);
        }
        return waitMs == 0;
    }

    private void history(Exchange ex, QueryStringDecoder uri, String room) {
        long since;
        int limit;
        try {
            since = QueryParams.longParam(uri, "since", 0, 0, Long.MAX_VALUE);
            limit = (int) QueryParams.longParam(uri, "limit", HistoryRequest.DEFAULT_LIMIT, 1,
                    HistoryRequest.MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            ex.error(ErrorCode.BAD_REQUEST, e.getMessage());
            return;
        }
        submit(ex, new Command.ReadHistory(ex.reply(writer), new HistoryRequest(null, room, since, limit)));
    }

    private void publish(Exchange ex, String room, String from) {
        ByteBuf body = ex.request.content();
        if (body.readableBytes() > config.maxFrameBytes()) {
            ex.error(ErrorCode.TOO_LARGE, "body of " + body.readableBytes() + " bytes is over the limit of "
                    + config.maxFrameBytes() + " bytes");
            return;
        }
        Pub pub;
        try {
            byte[] bytes = ByteBufUtil.getBytes(body);
            pub = reader.readPubBody(bytes, 0, bytes.length, room);
        } catch (ProtocolException e) {
            ex.error(e.code(), e.getMessage());
            return;
        }
        submit(ex, new Command.Publish(ex.reply(writer), null, from, pub));
    }

    private void uploadArtifact(Exchange ex, QueryStringDecoder uri, String room, String from) {
        List<String> names = uri.parameters().get("name");
        String name = names == null || names.isEmpty() ? null : names.get(0);
        if (!ArtifactUpload.isValidName(name)) {
            ex.error(ErrorCode.BAD_REQUEST, "query parameter 'name' must be " + ArtifactUpload.NAME_RULE);
            return;
        }
        String type = ex.request.headers().get(HttpHeaderNames.CONTENT_TYPE, ArtifactUpload.DEFAULT_CONTENT_TYPE);
        byte[] data = ByteBufUtil.getBytes(ex.request.content());
        artifacts.upload(ex.reply(writer), null, from, new ArtifactUpload(null, room, name, type, data));
    }

    private void metrics(Exchange ex) {
        ByteBuf body = ex.ctx.alloc().buffer(16 * 1024);
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            metrics.write(out);
        } catch (IOException | RuntimeException e) {
            body.release();
            ex.error(ErrorCode.INTERNAL, "the metrics cannot be written: " + e);
            return;
        }
        HttpResponses.send(ex.ctx, ex.keepAlive, HttpResponseStatus.OK, metrics.contentType(), body);
    }

    private void submit(Exchange ex, Command command) {
        if (!sequencer.submit(command)) {
            ex.error(ErrorCode.OVERLOADED, "the server is overloaded; try again shortly");
        }
    }

    private static void onlyGet(Exchange ex, Runnable action) {
        if (ex.request.method().equals(HttpMethod.GET)) {
            action.run();
        } else {
            ex.error(ErrorCode.BAD_REQUEST, "method " + ex.request.method() + " is not allowed here; use GET");
        }
    }

    /** One request and how to answer it. */
    private record Exchange(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        void error(ErrorCode code, String message) {
            HttpResponses.error(ctx, keepAlive, code, message);
        }

        HttpReply reply(FrameWriter writer) {
            return new HttpReply(ctx, keepAlive, writer);
        }
    }
}
