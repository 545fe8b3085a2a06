package io.agentbus.loadtest.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.loadtest.adapter.SessionSpec;
import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.LoopMetrics;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.payload.PayloadScanner;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.payload.Stamp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one member accounts for what reaches it: deliveries in any order, refusals, connect failures. */
class MemberTest {
    private static final int AUDIENCE = 7;
    private static final int FRAME_BYTES = 250;

    private final LoopMetrics metrics = new LoopMetrics();
    private final Settled lifecycle = new Settled();
    private final Member member = new Member(new MemberPlan(0, SessionSpec.inRoom("c-0", "r"), 0, 0, 1, 1),
            AUDIENCE, metrics, new RunClock(), lifecycle);

    @Test
    void shouldCountAGapThenItsFillAsNeitherLostNorDuplicatedButOutOfOrder() {
        deliver(0);
        deliver(2);
        deliver(1);
        Totals t = totals();
        long expected = 3;
        assertEquals(0, expected - t.get(Count.UNIQUE), "lost");
        assertEquals(0, t.get(Count.DUPLICATED));
        assertEquals(1, t.get(Count.OUT_OF_ORDER));
        assertEquals(3 * FRAME_BYTES, t.get(Count.DELIVERED_BYTES));
    }

    @Test
    void shouldCountATrueRepeatAsADuplicate() {
        deliver(0);
        deliver(2);
        deliver(1);
        deliver(1);
        Totals t = totals();
        assertEquals(1, t.get(Count.DUPLICATED));
        assertEquals(3, t.get(Count.UNIQUE));
        assertEquals(4, t.get(Count.DELIVERED));
    }

    @Test
    void shouldNotExpectTheDeliveriesOfARefusedPublish() {
        member.onRefused(123, RefusalCode.OVERLOADED);
        Totals t = totals();
        assertEquals(1, t.get(Count.REFUSED));
        assertEquals(AUDIENCE, t.get(Count.REFUSED_DELIVERIES));
        assertEquals(1, t.refused(RefusalCode.OVERLOADED));
        assertEquals(0, t.refused(RefusalCode.OTHER));
    }

    @Test
    void shouldCountAConnectFailureOnceWhenTheTimeoutAndTheFailureBothComeFirst() {
        assertTrue(member.giveUp("not ready within the connect timeout"));
        member.onFailure("cannot connect");
        member.onClosed();
        assertFalse(member.giveUp("again"));
        assertEquals(1, totals().get(Count.CONNECT_FAILURES));
        assertEquals(0, totals().get(Count.CLOSED_EARLY));
        assertEquals(List.of(member), lifecycle.settled);
        assertEquals("not ready within the connect timeout", member.failure());
    }

    @Test
    void shouldNotCountAConnectFailureForAReadyMemberThatClosesEarly() {
        member.onReady();
        assertFalse(member.giveUp("not ready within the connect timeout"));
        member.onClosed();
        assertEquals(0, totals().get(Count.CONNECT_FAILURES));
        assertEquals(1, totals().get(Count.CLOSED_EARLY));
    }

    private void deliver(long sequence) {
        PayloadWriter writer = new PayloadWriter(100);
        ByteBuf body = Unpooled.buffer();
        writer.write(body, 1, 0, sequence);
        Stamp stamp = new Stamp();
        assertTrue(new PayloadScanner().scan(body, body.readerIndex(), body.writerIndex(), stamp));
        member.onDelivery(stamp, FRAME_BYTES);
    }

    private Totals totals() {
        return Totals.sum(List.of(metrics));
    }

    private static final class Settled implements Member.Lifecycle {
        private final List<Member> settled = new ArrayList<>();

        @Override
        public void settled(Member member) {
            settled.add(member);
        }

        @Override
        public boolean closing() {
            return false;
        }
    }
}
