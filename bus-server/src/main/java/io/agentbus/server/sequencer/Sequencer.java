package io.agentbus.server.sequencer;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.server.delivery.DrainBatch;
import io.agentbus.server.journal.JournalUnavailableException;
import io.agentbus.server.metrics.LatencyRecorder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochClock;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the bus state and the journal. Event loops {@link #submit} requests
 * into a bounded MPSC queue (full = {@code overloaded}); internal notifications that must not be
 * lost (disconnects, inbox cursors) go through {@link #submitInternal} into an unbounded one.
 * Each {@link #doWork()} drains both and expires due decisions. How long a message waited in the
 * ingress queue is recorded as it is taken out.
 */
public final class Sequencer implements Agent, MessagePassingQueue.Consumer<Command> {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    private static final int DRAIN_LIMIT = 1024;
    /**
     * Requests run between two releases of the {@link DrainBatch}: more lets more frames share one
     * socket write, fewer lets the first of them leave sooner.
     */
    private static final int RELEASE_EVERY = 64;
    private static final long DEADLINE_CHECK_MS = 10;
    private static final MessagePassingQueue.Consumer<Command> DISCARD = command -> { };

    private final MpscArrayQueue<Command> ingress;
    private final MpscUnboundedArrayQueue<Command> internal = new MpscUnboundedArrayQueue<>(1024);
    private final Handlers handlers;
    private final EpochClock clock;
    private final LatencyRecorder ingressWait;
    private final WakeableIdleStrategy idle = new WakeableIdleStrategy(this::hasWork);
    private final DrainBatch drains = new DrainBatch();
    private long nextDeadlineCheckMs;
    private boolean takingRequests = true;
    private AgentRunner runner;

    public Sequencer(int ingressCapacity, Handlers handlers, EpochClock clock, LatencyRecorder ingressWait) {
        this.ingress = new MpscArrayQueue<>(ingressCapacity);
        this.handlers = handlers;
        this.clock = clock;
        this.ingressWait = ingressWait;
    }

    /** Starts the sequencer thread. */
    public void start() {
        runner = new AgentRunner(idle, e -> LOG.error("sequencer error", e), null, this);
        AgentRunner.startOnThread(runner);
    }

    /** Where the delivery queues filled by this sequencer's commands are marked for draining. */
    public DrainBatch drainBatch() {
        return drains;
    }

    /** Hands a request over; {@code false} when the queue is full (answer {@code overloaded}). */
    public boolean submit(Command command) {
        if (ingress.offer(command)) {
            idle.wake();
            return true;
        }
        return false;
    }

    /** Hands over a notification that must not be dropped. */
    public void submitInternal(Command command) {
        internal.offer(command);
        idle.wake();
    }

    /**
     * How many notifications wait in the internal queue (approximately, read from any thread). In
     * cluster mode every room's and inbox's traffic of every node comes through it: a node slower
     * than the cluster's publish rate grows it.
     */
    public int internalDepth() {
        return internal.size();
    }

    /**
     * Runs {@code last} right after every request handed over so far; requests handed over later
     * are discarded unanswered. For shutdown: nothing is acknowledged after the sessions are flushed.
     */
    public void submitLast(Command last) {
        submitInternal(new Command.Inspect(h -> {
            ingress.drain(this);
            h.commit().commit();
            takingRequests = false;
            last.run(h);
        }));
    }

    private boolean hasWork() {
        return !internal.isEmpty() || !ingress.isEmpty();
    }

    @Override
    public void onStart() {
        drains.own();
    }

    @Override
    public int doWork() {
        int work = internal.drain(this, DRAIN_LIMIT);
        work += drainIngress();
        long now = clock.time();
        if (now >= nextDeadlineCheckMs) {
            nextDeadlineCheckMs = now + DEADLINE_CHECK_MS;
            work += handlers.decisions().expireDue();
        }
        release();
        return work;
    }

    private int drainIngress() {
        MessagePassingQueue.Consumer<Command> consumer = takingRequests ? this : DISCARD;
        int work = 0;
        int ran;
        do {
            ran = ingress.drain(consumer, RELEASE_EVERY);
            release();
            work += ran;
        } while (ran == RELEASE_EVERY && work < DRAIN_LIMIT);
        return work;
    }

    /** Commits the journal (when acknowledgements wait for a sync), then wakes the event loops. */
    private void release() {
        handlers.commit().commit();
        drains.release();
    }

    @Override
    public void accept(Command command) {
        if (command instanceof Command.Timed timed) {
            ingressWait.recordSince(timed.receivedNs());
        }
        try {
            if (!command.isMessage() && handlers.commit().holding()) {
                handlers.commit().commit();
            }
            command.run(handlers);
        } catch (JournalUnavailableException e) {
            if (command instanceof Command.Request request) {
                request.replyTo().send(new ErrorFrame(request.rid(), e.code(), e.getMessage()));
            }
        } catch (Exception e) { // a library may throw a checked exception unchecked
            LOG.error("sequencer failed on {}", command.getClass().getSimpleName(), e);
            if (command instanceof Command.Request request) {
                request.replyTo().send(new ErrorFrame(request.rid(), ErrorCode.INTERNAL,
                        "the server failed on this request: " + e));
            }
        }
    }

    /**
     * Runs on the sequencer thread after its last duty cycle: the runner stops without another
     * {@link #doWork()}, so internal notifications handed over meanwhile (an inbox cursor from a
     * write that completed while the sessions were being closed) would otherwise be lost.
     */
    @Override
    public void onClose() {
        internal.drain(this);
        release();
    }

    @Override
    public String roleName() {
        return "agentbus-sequencer";
    }

    /** Stops the thread after the work in hand, including every internal notification handed over before. */
    public void stop() {
        if (runner != null) {
            runner.close();
        }
    }
}
