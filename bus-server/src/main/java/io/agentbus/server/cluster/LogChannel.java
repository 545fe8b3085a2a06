package io.agentbus.server.cluster;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one of the nodes' channels brings (rooms' logs on {@link RedisLink#CHANNEL}, inboxes on
 * {@link InboxLink#CHANNEL}), handed to a {@link Subscriber} on a Lettuce thread: a recovery
 * notice ({@link LogRecovery}), or an entry decoded by the channel's codec; anything else is
 * logged and ignored.
 *
 * @param <T> what an entry of the channel decodes to
 */
final class LogChannel<T> extends RedisPubSubAdapter<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

    private final String notice;
    private final Function<String, T> codec;
    private final Subscriber<T> subscriber;

    /**
     * @param notice the prefix of the channel's recovery notices, followed by the log's name
     * @param codec  decodes an entry, throwing {@link IllegalArgumentException} for anything else
     */
    LogChannel(String notice, Function<String, T> codec, Subscriber<T> subscriber) {
        this.notice = notice;
        this.codec = codec;
        this.subscriber = subscriber;
    }

    @Override
    public void message(String channel, String message) {
        if (message.startsWith(notice)) {
            subscriber.recovering(message.substring(notice.length()));
            return;
        }
        T entry;
        try {
            entry = codec.apply(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("cluster: ignoring a message on {} that is not one of ours", channel, e);
            return;
        }
        subscriber.arrived(entry);
    }

    @Override
    public void subscribed(String channel, long count) {
        subscriber.subscribed();
    }

    /** Who takes what a channel brings, on a Lettuce thread. */
    interface Subscriber<T> {
        /** An entry some node appended (this one included). */
        void arrived(T entry);

        /** The subscription is (again) in place: what was published while it was not may be missing. */
        void subscribed();

        /** Redis lost the log {@code name} and holds its numbering until every node told its high-water mark. */
        void recovering(String name);
    }
}
