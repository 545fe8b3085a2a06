package io.agentbus.loadtest.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The harness's own stop-the-world collections: a harness pause delays every send and receive it
 * overlaps, so it lands in the measured tails. Counts and total times are deltas of the
 * {@link GarbageCollectorMXBean}s; the longest pause comes from their notifications. Concurrent
 * collectors ({@code … Cycles}, {@code … Concurrent GC}) are left out: they do not stop the threads.
 */
public final class HarnessGc implements AutoCloseable {
    private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
    private final AtomicLong maxPauseMs = new AtomicLong();
    private final NotificationListener listener = this::onNotification;

    private HarnessGc() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (pauses(bean.getName())) {
                collectors.add(bean);
                if (bean instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                }
            }
        }
    }

    /** Starts listening for collections. */
    public static HarnessGc start() {
        return new HarnessGc();
    }

    /** Where a stretch of time starts: the counters now, and the longest pause reset. */
    public Mark mark() {
        maxPauseMs.set(0);
        return new Mark(count(), totalMs());
    }

    /** The pauses since {@code mark}. */
    public GcPauses since(Mark mark) {
        return new GcPauses(count() - mark.count(), totalMs() - mark.totalMs(), maxPauseMs.get());
    }

    private long count() {
        long count = 0;
        for (GarbageCollectorMXBean bean : collectors) {
            count += Math.max(0, bean.getCollectionCount());
        }
        return count;
    }

    private long totalMs() {
        long ms = 0;
        for (GarbageCollectorMXBean bean : collectors) {
            ms += Math.max(0, bean.getCollectionTime());
        }
        return ms;
    }

    private void onNotification(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            long ms = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo().getDuration();
            maxPauseMs.accumulateAndGet(ms, Math::max);
        }
    }

    private static boolean pauses(String collector) {
        return !collector.contains("Cycles") && !collector.contains("Concurrent");
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean bean : collectors) {
            if (bean instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // never added: nothing to remove
                }
            }
        }
    }

    /** The collector counters at a mark. */
    public record Mark(long count, long totalMs) {
    }

    /**
     * Stop-the-world collections of the harness over some stretch of time.
     *
     * @param count   how many
     * @param totalMs their summed duration
     * @param maxMs   the longest one
     */
    public record GcPauses(long count, long totalMs, long maxMs) {
        public static final GcPauses NONE = new GcPauses(0, 0, 0);

        /** The two stretches together. */
        public GcPauses plus(GcPauses other) {
            return new GcPauses(count + other.count, totalMs + other.totalMs, Math.max(maxMs, other.maxMs));
        }
    }
}
