package io.agentbus.server.delivery;

import io.agentbus.protocol.codec.FrameWriter;
import io.agentbus.protocol.frame.ServerFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes outbound frames into pooled direct buffers, ready to be shared by many receivers.
 *
 * <p>A live message (one offered to the priority lanes) is {@linkplain #wrapSequenced stamped}: the
 * {@link System#nanoTime()} at which the sequencer offered it sits in the 8 bytes before the
 * buffer's reader index, outside the frame, so the event loop that writes it can time its wait
 * without a per-message allocation.
 */
public final class FrameEncoder {
    private static final int INITIAL_CAPACITY = 256;
    private static final int STAMP_BYTES = Long.BYTES;

    private final FrameWriter writer = new FrameWriter();
    private final ByteBufAllocator allocator;

    public FrameEncoder(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    /** A buffer holding the frame's JSON; the caller owns its one reference. */
    public ByteBuf encode(ServerFrame frame) {
        return encodeWith(out -> writer.write(frame, out));
    }

    /** A buffer holding already encoded JSON bytes (a journaled frame). */
    public ByteBuf wrap(byte[] json) {
        ByteBuf buf = allocator.directBuffer(json.length);
        return buf.writeBytes(json);
    }

    /**
     * A buffer holding already encoded JSON bytes of a live message, stamped with the time the
     * sequencer offers it ({@code sequencedNs}, a {@link System#nanoTime()}).
     */
    public ByteBuf wrapSequenced(byte[] json, long sequencedNs) {
        ByteBuf buf = allocator.directBuffer(STAMP_BYTES + json.length);
        buf.writeLong(sequencedNs).writeBytes(json).readerIndex(STAMP_BYTES);
        return buf;
    }

    /** The time a frame made by {@link #wrapSequenced} was offered. */
    static long sequencedNs(ByteBuf frame) {
        return frame.getLong(0);
    }

    /** A {@code history} reply around messages already encoded as JSON. */
    public ByteBuf encodeHistory(String rid, String room, List<byte[]> messages, boolean more) {
        return encodeWith(out -> writer.writeHistoryReply(rid, room, messages, more, out));
    }

    private ByteBuf encodeWith(JsonWrite write) {
        ByteBuf buf = allocator.directBuffer(INITIAL_CAPACITY);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            write.to(out);
            return buf;
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** The frame as JSON bytes, for the journal. */
    public byte[] toBytes(ServerFrame frame) {
        return writer.toBytes(frame);
    }

    /** Writes JSON into a stream. */
    @FunctionalInterface
    private interface JsonWrite {
        void to(OutputStream out) throws IOException;
    }
}
