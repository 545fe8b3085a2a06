package io.agentbus.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoomLabelsTest {
    private static final int LIMIT = 2;
    private static final long IDLE_TICKS = 3;

    private final RoomLabels labels = new RoomLabels(LIMIT, IDLE_TICKS);
    private final Map<String, long[]> totals = new HashMap<>();

    @Test
    void shouldLabelTheBusiestRoomsAndCountTheRestAsOther() {
        Map<String, Long> in = tick(Map.of("a", 5L, "b", 50L, "c", 20L, "d", 1L));

        assertEquals(Map.of("b", 50L, "c", 20L, RoomLabels.OTHER, 6L), in);
    }

    @Test
    void shouldKeepEverySeriesGrowingAndAddingUpToTheTotal() {
        tick(Map.of("a", 5L, "b", 50L, "c", 20L));
        Map<String, Long> in = tick(Map.of("a", 100L, "b", 1L, "c", 1L));

        assertEquals(Map.of("b", 51L, "c", 21L, RoomLabels.OTHER, 105L), in, "a waits for a free label");
        assertEquals(5 + 50 + 20 + 100 + 1 + 1, in.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void shouldGiveTheLabelOfAnIdleRoomToABusyOne() {
        tick(Map.of("a", 1L, "b", 50L, "c", 20L));
        for (int i = 0; i < IDLE_TICKS; i++) {
            tick(Map.of("b", 1L));
        }
        Map<String, Long> in = tick(Map.of("a", 7L, "b", 1L));

        assertTrue(in.containsKey("a"), "c was idle: a gets its label " + in);
        assertEquals(7L, in.get("a"), "a counts from when it got its label");
        assertEquals(1L, in.get(RoomLabels.OTHER), "other kept what a had before");
        assertEquals(Set.of("a", "b", RoomLabels.OTHER), in.keySet(), "c's series ended");
    }

    @Test
    void shouldListTheBusiestRoomsBusiestFirstThenByName() {
        List<RoomRate> rates = List.of(rate("x", 1), rate("b", 9), rate("a", 9), rate("y", 0));

        assertEquals(List.of("a", "b", "x"), RoomLabels.busiest(rates, 3).stream().map(RoomRate::room).toList());
    }

    /** One tick in which each room of {@code published} got that many more messages in; returns the in series. */
    private Map<String, Long> tick(Map<String, Long> published) {
        published.forEach((room, n) -> totals.computeIfAbsent(room, r -> new long[1])[0] += n);
        String[] ids = totals.keySet().toArray(new String[0]);
        long[] in = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            in[i] = totals.get(ids[i])[0];
        }
        RoomTraffic traffic = new RoomTraffic(ids.length, ids, in, new long[ids.length], new int[ids.length]);
        return labels.tick(labels.rates(traffic)).stream()
                .collect(Collectors.toMap(RoomLabels.LabelledCount::label, RoomLabels.LabelledCount::in));
    }

    private static RoomRate rate(String room, long in) {
        return new RoomRate(room, in, 0, in, 0, 1);
    }
}
