package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.client.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the offsets and texts a message listener is handed, so a test can check each offset
 * arrived once and in order, waiting for a count with a deadline.
 */
final class OrderedSink implements Consumer<ReceivedMessage> {
    private static final long WAIT_MS = 60_000;

    private final List<ReceivedMessage> messages;

    OrderedSink(int expected) {
        this.messages = new ArrayList<>(expected);
    }

    @Override
    public synchronized void accept(ReceivedMessage m) {
        messages.add(m);
        notifyAll();
    }

    synchronized void awaitCount(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (messages.size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("only " + messages.size() + " of " + count + " messages arrived within " + WAIT_MS + " ms");
            }
            wait(left);
        }
    }

    /** A copy of what was handed over so far, in arrival order. */
    synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Offsets 1..count, each once, in order, with the text the publisher gave that offset. */
    synchronized void assertExactlyOnceInOrder(int count) {
        assertEquals(count, messages.size(), "messages handed over");
        for (int i = 0; i < count; i++) {
            assertEquals(i + 1, messages.get(i).offset(), "offset at position " + i);
            assertEquals(Integer.toString(i + 1), messages.get(i).text(), "the text published as number " + (i + 1));
        }
    }
}
