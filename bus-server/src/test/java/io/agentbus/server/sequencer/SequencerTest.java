package io.agentbus.server.sequencer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Durability;
import io.agentbus.server.decision.DecisionHandler;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.metrics.LatencyRecorder;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SequencerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** The commands here use no handler; every duty cycle checks decision deadlines, so that one is real. */
    private final BusState state = new BusState();
    private final Sequencer sequencer = new Sequencer(16, new Handlers(state, null, null, null,
            new DecisionHandler(state, null, null, SystemEpochClock.INSTANCE), null,
            new GroupCommit(null, Durability.ACK_AFTER_APPEND)), SystemEpochClock.INSTANCE, new LatencyRecorder());

    @AfterEach
    void stop() {
        sequencer.stop();
    }

    /**
     * The graceful shutdown stops the sequencer once every session is closed; an inbox cursor
     * whose write completed during that close is handed over while the sequencer is still in its
     * last duty cycle, and must be journaled all the same.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRunEveryInternalCommandHandedOverBeforeItWasStopped() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        sequencer.start();
        assertTrue(sequencer.submit(new Command.Inspect(h -> {
            busy.countDown();
            awaitUninterruptibly(release);
        })));
        assertTrue(busy.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the sequencer never ran the request");

        sequencer.submitInternal(new Command.Inspect(h -> ran.set(true)));
        Thread stopper = new Thread(sequencer::stop, "stopper");
        stopper.start();
        await().atMost(DEADLINE).until(() -> stopper.getState() == Thread.State.TIMED_WAITING
                || stopper.getState() == Thread.State.WAITING);
        release.countDown();
        stopper.join(DEADLINE.toMillis());

        assertTrue(ran.get(), "an internal command handed over before stop() was dropped");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
