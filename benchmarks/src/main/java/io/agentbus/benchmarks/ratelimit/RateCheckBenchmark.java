package io.agentbus.benchmarks.ratelimit;

import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.ratelimit.ConnectionRates;
import io.agentbus.server.ratelimit.RateLimiter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ConnectionRates#admit(int)} for a frame of a connection that said hello: the frames and
 * bytes buckets of its client id and of its IP address (four Bucket4j {@code tryConsume} calls).
 * {@code limits=on} has every rate at the highest Bucket4j refills (10^9 per second), which this
 * loop never reaches, so nothing is refused: the cost of admitting; {@code off} has every limit at
 * 0: the cost of the check alone. The frame's size does not change the cost; it is 16 bytes so that
 * the bytes buckets, too, stay out of reach.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RateCheckBenchmark {
    private static final int FRAME_BYTES = 16;
    private static final long UNREACHABLE = 1_000_000_000L;

    @Param({"on", "off"})
    public String limits;

    private EmbeddedChannel channel;
    private ConnectionRates rates;

    @Setup
    public void open() {
        long rate = "on".equals(limits) ? UNREACHABLE : 0;
        ServerConfig config = ServerConfig.builder()
                .set(Setting.RATE_MESSAGES_PER_CLIENT, rate).set(Setting.RATE_BYTES_PER_CLIENT, rate)
                .set(Setting.RATE_MESSAGES_PER_IP, rate).set(Setting.RATE_BYTES_PER_IP, rate)
                .build();
        channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("10.0.0.7", 40000);
            }
        };
        rates = new RateLimiter(config.rateLimits()).open(channel);
        rates.client("bench-1");
    }

    @TearDown
    public void close() {
        channel.close();
    }

    @Benchmark
    public long admit() {
        return rates.admit(FRAME_BYTES);
    }
}
