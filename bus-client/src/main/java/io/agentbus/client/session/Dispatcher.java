package io.agentbus.client.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listener calls and future completions off the I/O thread, in the order the event loop
 * produced them: on the application's executor, or on a thread of the client's own
 * ({@code agentbus-client-callbacks-ID}), which is what keeps them ordered by default.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Executor executor;
    private final ExecutorService owned;
    private volatile Thread ownedThread;

    Dispatcher(Executor executor, String clientId) {
        if (executor != null) {
            this.executor = executor;
            this.owned = null;
        } else {
            this.owned = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "agentbus-client-callbacks-" + clientId);
                t.setDaemon(true);
                ownedThread = t;
                return t;
            });
            this.executor = owned;
        }
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("callback dropped: the executor is shut down", e);
        }
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        execute(() -> future.complete(value));
    }

    <T> void fail(CompletableFuture<T> future, Throwable cause) {
        execute(() -> future.completeExceptionally(cause));
    }

    /**
     * Lets queued callbacks run (up to {@code timeoutMs}) and stops the owned thread; called from
     * a callback itself, it does not wait for itself.
     */
    void close(long timeoutMs) {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        if (Thread.currentThread() == ownedThread) {
            return;
        }
        try {
            if (!owned.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                owned.shutdownNow();
            }
        } catch (InterruptedException e) {
            owned.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(1000);
    }
}
