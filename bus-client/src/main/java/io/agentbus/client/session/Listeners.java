package io.agentbus.client.session;

import io.agentbus.client.ConnectionEvent;
import io.agentbus.client.HistoryLost;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.Presence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's listeners; added from any thread, called by the {@link Dispatcher}. A
 * listener that throws is logged and does not stop the others.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<Consumer<ReceivedMessage>> messages = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumer<ReceivedMessage>>> roomMessages = new ConcurrentHashMap<>();
    private final List<Consumer<ReceivedMessage>> directMessages = new CopyOnWriteArrayList<>();
    private final List<Consumer<Presence>> presence = new CopyOnWriteArrayList<>();
    private final List<Consumer<DecisionUpdate>> decisions = new CopyOnWriteArrayList<>();
    private final List<Consumer<Dropped>> dropped = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionEvent>> connection = new CopyOnWriteArrayList<>();
    private final List<Consumer<HistoryLost>> historyLost = new CopyOnWriteArrayList<>();

    public void onMessage(Consumer<ReceivedMessage> listener) {
        messages.add(listener);
    }

    public void onMessage(String room, Consumer<ReceivedMessage> listener) {
        roomMessages.computeIfAbsent(room, r -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public void onDirectMessage(Consumer<ReceivedMessage> listener) {
        directMessages.add(listener);
    }

    public void onPresence(Consumer<Presence> listener) {
        presence.add(listener);
    }

    public void onDecision(Consumer<DecisionUpdate> listener) {
        decisions.add(listener);
    }

    public void onDropped(Consumer<Dropped> listener) {
        dropped.add(listener);
    }

    public void onConnection(Consumer<ConnectionEvent> listener) {
        connection.add(listener);
    }

    public void onHistoryLost(Consumer<HistoryLost> listener) {
        historyLost.add(listener);
    }

    void roomMessage(ReceivedMessage m) {
        call(messages, m);
        List<Consumer<ReceivedMessage>> forRoom = roomMessages.get(m.room());
        if (forRoom != null) {
            call(forRoom, m);
        }
    }

    void directMessage(ReceivedMessage m) {
        call(directMessages, m);
    }

    void presence(Presence p) {
        call(presence, p);
    }

    void decision(DecisionUpdate d) {
        call(decisions, d);
    }

    void dropped(Dropped d) {
        call(dropped, d);
    }

    void connection(ConnectionEvent e) {
        call(connection, e);
    }

    /** Tells the history-lost listeners; with none, logs a warning, so it is never silent. */
    void historyLost(HistoryLost lost) {
        if (historyLost.isEmpty()) {
            LOG.warn("room '{}': the cluster could not recover every message after offset {} (epoch {} -> {});"
                    + " some may be lost (add an onHistoryLost listener to handle this)", lost.room(), lost.since(),
                    lost.previousEpoch(), lost.epoch());
        }
        call(historyLost, lost);
    }

    private static <T> void call(List<Consumer<T>> listeners, T event) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("a listener failed on {}", event, e);
            }
        }
    }
}
