package io.agentbus.server.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rooms get a {@code room} label of their own on {@code /metrics}: at most {@code limit},
 * the rest are counted together as {@code other}, so a bus with thousands of rooms exports a
 * bounded number of series. A free label goes to the busiest unlabelled room of the tick; a
 * labelled room keeps its label until it has been idle for {@code idleTicks} and another room
 * wants one. A labelled room's series counts from the tick it got its label, and {@code other}
 * counts every room while it has none, so every series only grows and the series add up to the
 * bus's traffic (until a label is taken away, when its series ends). Reporter thread only.
 */
final class RoomLabels {
    /** The label of the rooms without one of their own. */
    static final String OTHER = "other";
    private static final Comparator<RoomRate> BUSIEST_FIRST = Comparator.comparingLong(RoomRate::activity)
            .reversed().thenComparing(RoomRate::room);

    private final int limit;
    private final long idleTicks;
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, long[]> previousTotals = new HashMap<>();
    private long otherIn;
    private long otherOut;
    private long tick;

    RoomLabels(int limit, long idleTicks) {
        this.limit = limit;
        this.idleTicks = idleTicks;
    }

    /** Takes in the counts of every room as of now and returns the labelled series. */
    List<LabelledCount> tick(List<RoomRate> rooms) {
        tick++;
        List<RoomRate> waiting = new ArrayList<>();
        for (RoomRate room : rooms) {
            Label label = labels.get(room.room());
            if (label != null && room.activity() > 0) {
                label.lastActiveTick = tick;
            } else if (label == null && room.activity() > 0) {
                waiting.add(room);
            }
        }
        waiting.sort(BUSIEST_FIRST);
        int given = giveLabels(waiting);
        for (int i = given; i < waiting.size(); i++) {
            otherIn += waiting.get(i).in();
            otherOut += waiting.get(i).out();
        }
        return series(rooms);
    }

    private int giveLabels(List<RoomRate> waiting) {
        int given = 0;
        while (given < waiting.size() && (labels.size() < limit || takeIdleLabel())) {
            RoomRate room = waiting.get(given++);
            labels.put(room.room(), new Label(room.inTotal() - room.in(), room.outTotal() - room.out(), tick));
        }
        return given;
    }

    private boolean takeIdleLabel() {
        String idlest = null;
        long oldest = tick - idleTicks;
        for (Map.Entry<String, Label> e : labels.entrySet()) {
            if (e.getValue().lastActiveTick <= oldest) {
                oldest = e.getValue().lastActiveTick;
                idlest = e.getKey();
            }
        }
        if (idlest == null) {
            return false;
        }
        labels.remove(idlest);
        return true;
    }

    private List<LabelledCount> series(List<RoomRate> rooms) {
        List<LabelledCount> series = new ArrayList<>(labels.size() + 1);
        for (RoomRate room : rooms) {
            Label label = labels.get(room.room());
            if (label != null) {
                series.add(new LabelledCount(room.room(), room.inTotal() - label.inBase,
                        room.outTotal() - label.outBase));
            }
        }
        series.add(new LabelledCount(OTHER, otherIn, otherOut));
        return series;
    }

    /**
     * Turns cumulative counts into the interval's: each room's in and out since the previous tick.
     */
    List<RoomRate> rates(RoomTraffic traffic) {
        List<RoomRate> rates = new ArrayList<>(traffic.size());
        for (int i = 0; i < traffic.size(); i++) {
            long[] previous = previousTotals.computeIfAbsent(traffic.ids()[i], id -> new long[2]);
            rates.add(new RoomRate(traffic.ids()[i], traffic.in()[i] - previous[0], traffic.out()[i] - previous[1],
                    traffic.in()[i], traffic.out()[i], traffic.members()[i]));
            previous[0] = traffic.in()[i];
            previous[1] = traffic.out()[i];
        }
        return rates;
    }

    /** The {@code count} busiest rooms of the interval, busiest first, ties by name. */
    static List<RoomRate> busiest(List<RoomRate> rooms, int count) {
        List<RoomRate> sorted = new ArrayList<>(rooms);
        sorted.sort(BUSIEST_FIRST);
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    /** A room's label: its counts when it got it, and the last tick it had traffic. */
    private static final class Label {
        private final long inBase;
        private final long outBase;
        private long lastActiveTick;

        Label(long inBase, long outBase, long lastActiveTick) {
            this.inBase = inBase;
            this.outBase = outBase;
            this.lastActiveTick = lastActiveTick;
        }
    }

    /** One series of {@code agentbus_messages_in_total} and {@code _out_total}. */
    record LabelledCount(String label, long in, long out) {
    }
}
