package io.agentbus.server.http;

import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.sequencer.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers one REST request from the sequencer thread: {@code ok} as {@code {"offset":N}} (with
 * {@code sha256} and {@code "duplicate":true} when they apply), errors with their status.
 */
final class HttpReply implements Reply {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final FrameWriter writer;

    HttpReply(ChannelHandlerContext ctx, boolean keepAlive, FrameWriter writer) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.writer = writer;
    }

    @Override
    public void send(ServerFrame frame) {
        if (frame instanceof Ok ok) {
            String sha = ok.sha256() == null ? "" : ",\"sha256\":\"" + ok.sha256() + "\"";
            String duplicate = ok.duplicate() ? ",\"duplicate\":true" : "";
            respond(HttpResponseStatus.OK, "{\"offset\":" + ok.offset() + sha + duplicate + "}");
        } else if (frame instanceof ErrorFrame error) {
            HttpResponses.error(ctx, keepAlive, error.code(), error.message());
        } else {
            respond(HttpResponseStatus.OK, writer.toJson(frame));
        }
    }

    @Override
    public void sendHistory(String rid, String room, List<byte[]> messages, boolean more) {
        ByteBuf body = ctx.alloc().buffer();
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            writer.writeHistoryReply(rid, room, messages, more, out);
        } catch (IOException e) {
            body.release();
            throw new UncheckedIOException(e);
        }
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, body);
    }

    private void respond(HttpResponseStatus status, String json) {
        HttpResponses.json(ctx, keepAlive, status, json);
    }
}
