package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.agentbus.client.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects what a listener is handed, for a test to wait on with a deadline. */
public final class Received<T> implements Consumer<T> {
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(T item) {
        queue.add(item);
    }

    /** The next item, waiting up to {@code timeout}. */
    public T next(Duration timeout) throws InterruptedException {
        T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            fail("nothing arrived within " + timeout);
        }
        return item;
    }

    /** The next {@code n} items, waiting up to {@code timeout} in all. */
    public List<T> next(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> items = new ArrayList<>(n);
        while (items.size() < n) {
            T item = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                fail("only " + items.size() + " of " + n + " arrived within " + timeout);
            }
            items.add(item);
        }
        return items;
    }

    /** Texts of messages, for readable assertions. */
    public static List<String> texts(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::text).toList();
    }
}
