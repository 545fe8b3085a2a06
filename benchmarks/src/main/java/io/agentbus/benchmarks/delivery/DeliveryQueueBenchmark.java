package io.agentbus.benchmarks.delivery;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One producer thread offers frames at mixed priorities while one consumer thread polls, neither
 * waiting for the other (a refused offer or an empty poll is counted and the call returns), as the
 * sequencer and a connection's event loop do. The figure to read is {@code polled}: frames that
 * went through per second; {@code offersFailed} shows a full queue, {@code pollsEmpty} a starved
 * consumer. The primary score adds both threads' calls, failed ones included.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DeliveryQueueBenchmark {
    /** Stands for an encoded frame: the queues only move references. */
    private static final Object FRAME = new Object();

    @Param({SpscPriorityLanes.NAME, PriorityBlockingFrames.NAME, ArrayBlockingFrames.NAME})
    public String structure;

    /** Frames per lane, and the bound of the single queues: the server's delivery.queue.capacity default. */
    @Param("16384")
    public int capacity;

    private FrameQueue queue;

    @Setup
    public void createQueue() {
        queue = FrameQueue.create(structure, capacity);
    }

    @Benchmark
    @Group("offerPoll")
    @GroupThreads(1)
    public void offer(PriorityMix priorities, OfferCounters counters) {
        if (queue.offer(priorities.next(), FRAME)) {
            counters.offered++;
        } else {
            counters.offersFailed++;
        }
    }

    @Benchmark
    @Group("offerPoll")
    @GroupThreads(1)
    public Object poll(PollCounters counters) {
        Object frame = queue.poll();
        if (frame == null) {
            counters.pollsEmpty++;
        } else {
            counters.polled++;
        }
        return frame;
    }
}
