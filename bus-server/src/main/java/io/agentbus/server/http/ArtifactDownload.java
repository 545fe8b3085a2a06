package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.artifact.ArtifactStore;
import io.agentbus.server.artifact.ArtifactUploads;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code GET /api/v1/artifacts/{sha256}}: the stored bytes; in cluster mode, those of an artifact
 * uploaded to another node come from the cluster's copy in Redis.
 */
final class ArtifactDownload {
    private ArtifactDownload() {
    }

    static void respond(ChannelHandlerContext ctx, boolean keepAlive, ArtifactUploads artifacts, String sha) {
        if (!ArtifactStore.isSha256(sha)) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.BAD_REQUEST,
                    "artifact id must be a SHA-256 in lower-case hex (64 characters)");
            return;
        }
        Path file = artifacts.store().pathOf(sha);
        try {
            byte[] data = Files.readAllBytes(file);
            HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, "application/octet-stream",
                    Unpooled.wrappedBuffer(data));
        } catch (NoSuchFileException e) {
            if (artifacts.replica() == null) {
                HttpResponses.error(ctx, keepAlive, ErrorCode.NOT_FOUND, "no artifact " + sha);
            } else {
                fetch(ctx, keepAlive, artifacts, sha);
            }
        } catch (IOException e) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.INTERNAL, "artifact " + sha + " cannot be read");
        }
    }

    /** Cluster mode: an artifact uploaded to another node comes from the cluster's copy (and is kept here). */
    private static void fetch(ChannelHandlerContext ctx, boolean keepAlive, ArtifactUploads artifacts, String sha) {
        artifacts.fetch(sha).whenComplete((data, failure) -> {
            if (failure != null) {
                HttpResponses.error(ctx, keepAlive, ErrorCode.OVERLOADED, "artifact " + sha + " is not on this node"
                        + " and the cluster's copy cannot be read: " + failure.getMessage());
            } else if (data == null) {
                HttpResponses.error(ctx, keepAlive, ErrorCode.NOT_FOUND, "no artifact " + sha);
            } else {
                HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, "application/octet-stream",
                        Unpooled.wrappedBuffer(data));
            }
        });
    }
}
