package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.artifact.ArtifactStore;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code GET /api/v1/artifacts/{sha256}}: the stored bytes. */
final class ArtifactDownload {
    private ArtifactDownload() {
    }

    static void respond(ChannelHandlerContext ctx, boolean keepAlive, ArtifactStore store, String sha) {
        if (!ArtifactStore.isSha256(sha)) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.BAD_REQUEST,
                    "artifact id must be a SHA-256 in lower-case hex (64 characters)");
            return;
        }
        Path file = store.pathOf(sha);
        try {
            byte[] data = Files.readAllBytes(file);
            HttpResponses.send(ctx, keepAlive, HttpResponseStatus.OK, "application/octet-stream",
                    Unpooled.wrappedBuffer(data));
        } catch (NoSuchFileException e) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.NOT_FOUND, "no artifact " + sha);
        } catch (IOException e) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.INTERNAL, "artifact " + sha + " cannot be read");
        }
    }
}
