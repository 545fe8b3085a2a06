package io.agentbus.benchmarks.codec;

import io.agentbus.benchmarks.TypicalMessage;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.codec.FrameReader;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.server.delivery.FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One typical message through the codec, with the objects the server uses: one {@link FrameReader}
 * for every connection, one {@link FrameEncoder} over the pooled allocator. Each encoded buffer is
 * released before the next, so the pool hands the same memory back and B/op counts what the
 * encoder allocates on the heap, not the frame's bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CodecBenchmark {
    private final FrameReader reader = new FrameReader();
    private final FrameEncoder encoder = new FrameEncoder(PooledByteBufAllocator.DEFAULT);
    private final byte[] pub = TypicalMessage.pubUtf8();
    private final Msg msg = TypicalMessage.msg(17);

    /** The event loop's decode of a {@code pub} (after copying the frame into its scratch array). */
    @Benchmark
    public ClientFrame decodePub() throws ProtocolException {
        return reader.readClient(pub, 0, pub.length);
    }

    /** A frame encoded into a pooled direct buffer, as replies and notices are. */
    @Benchmark
    public int encodeMsg() {
        ByteBuf frame = encoder.encode(msg);
        int length = frame.readableBytes();
        frame.release();
        return length;
    }

    /**
     * A room message as the sequencer encodes it: JSON bytes for the journal, then wrapped into
     * the pooled direct buffer that every member's queue shares.
     */
    @Benchmark
    public int encodeMsgForJournalAndFanout() {
        byte[] json = encoder.toBytes(msg);
        ByteBuf frame = encoder.wrap(json);
        int length = frame.readableBytes();
        frame.release();
        return length;
    }
}
