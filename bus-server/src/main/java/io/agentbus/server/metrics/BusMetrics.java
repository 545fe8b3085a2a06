package io.agentbus.server.metrics;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the path of one message records as it runs: latencies in {@link LatencyRecorder}s and
 * counters in {@link LongAdder}s, so that event loops and the sequencer record without locks,
 * without allocating and without waiting for each other. Per-room counts live in the rooms
 * themselves (the sequencer owns them); the {@link StatsReporter} reads everything once a tick.
 */
public final class BusMetrics {
    private final LatencyRecorder ingressWait = new LatencyRecorder();
    private final LatencyRecorder publishAck = new LatencyRecorder();
    private final LatencyRecorder journalAppend = new LatencyRecorder();
    private final LatencyRecorder[] delivery = new LatencyRecorder[Priority.values().length];
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder joins = new LongAdder();
    private final LongAdder directIn = new LongAdder();
    private final LongAdder directOut = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final LongAdder slowConsumerCloses = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder[] errors = new LongAdder[ErrorCode.values().length];

    public BusMetrics() {
        for (int i = 0; i < delivery.length; i++) {
            delivery[i] = new LatencyRecorder();
        }
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new LongAdder();
        }
    }

    /** From decoding a request to the sequencer taking it from its ingress queue. */
    public LatencyRecorder ingressWait() {
        return ingressWait;
    }

    /** From decoding a {@code pub} or {@code send} to its {@code ok} being queued (journaled, sequenced). */
    public LatencyRecorder publishAck() {
        return publishAck;
    }

    /** One append to the journal. */
    public LatencyRecorder journalAppend() {
        return journalAppend;
    }

    /** From the sequencer offering a live message to a connection to its event loop writing it, by priority. */
    public LatencyRecorder delivery(Priority priority) {
        return delivery[priority.ordinal()];
    }

    public void connectionOpened() {
        connectionsOpened.increment();
    }

    public void joined() {
        joins.increment();
    }

    public void directMessageIn() {
        directIn.increment();
    }

    public void directMessageOut() {
        directOut.increment();
    }

    /** A room message a full lane could not take: dropped for one connection. */
    public void dropped() {
        drops.increment();
    }

    /** A connection closed with 4008; counted once per connection. */
    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void bytesReceived(int bytes) {
        bytesReceived.add(bytes);
    }

    public void bytesSent(long bytes) {
        bytesSent.add(bytes);
    }

    /** An error answered, over WebSocket or REST. */
    public void error(ErrorCode code) {
        errors[code.ordinal()].increment();
    }

    long connectionsOpened() {
        return connectionsOpened.sum();
    }

    long joins() {
        return joins.sum();
    }

    long directIn() {
        return directIn.sum();
    }

    long directOut() {
        return directOut.sum();
    }

    long drops() {
        return drops.sum();
    }

    long slowConsumerCloses() {
        return slowConsumerCloses.sum();
    }

    long bytesReceived() {
        return bytesReceived.sum();
    }

    long bytesSent() {
        return bytesSent.sum();
    }

    long errors(ErrorCode code) {
        return errors[code.ordinal()].sum();
    }
}
