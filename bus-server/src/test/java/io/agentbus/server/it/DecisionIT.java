package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.assertError;
import static io.agentbus.server.it.ServerFrames.assertNextIsPong;
import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Ok;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions over real sockets: propose, vote under each rule, veto, expiry and refused votes. */
class DecisionIT {
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldOpenADecisionAndApproveItByMajority() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"majority\"", "Use Postgres");
            assertTrue(d.startsWith("d-"), d);
            DecisionUpdate open = r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            assertEquals("Use Postgres", open.title());
            assertEquals(DecisionRule.MAJORITY, open.rule());
            assertEquals(r.id, open.room());
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "yes");
            r.expectEveryone(d, DecisionStatus.APPROVED, 2, 0);
            r.assertQuiet();
        }
    }

    @Test
    void shouldRejectConsensusOnTheFirstNo() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"consensus\"", "Rewrite in Rust");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "no");
            r.expectEveryone(d, DecisionStatus.REJECTED, 1, 1);
            r.assertQuiet();
        }
    }

    @Test
    void shouldApproveConsensusWhenAllSayYes() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"consensus\"", "Ship it");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 2, 0);
            r.vote(r.c, d, "yes");
            r.expectEveryone(d, DecisionStatus.APPROVED, 3, 0);
        }
    }

    @Test
    void shouldApproveQuorumWithTheExplicitQuorum() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"quorum\",\"quorum\":2", "Two will do");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.c, d, "yes");
            r.expectEveryone(d, DecisionStatus.APPROVED, 2, 0);
        }
    }

    @Test
    void shouldRejectDefaultQuorumOfThreeOnTheFirstNo() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"quorum\"", "Needs all three");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "no");
            r.expectEveryone(d, DecisionStatus.REJECTED, 1, 1);
        }
    }

    @Test
    void shouldApproveWeightedByTheHeavyMemberAlone() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"weighted\"", "The lead decides");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.c, d, "yes");
            r.expectEveryone(d, DecisionStatus.APPROVED, 1, 0);
        }
    }

    @Test
    void shouldRejectWeightedWhenTheHeavyMemberSaysNo() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"weighted\"", "Against the lead");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 2, 0);
            r.vote(r.c, d, "no");
            r.expectEveryone(d, DecisionStatus.REJECTED, 2, 1);
        }
    }

    @Test
    void shouldEndAsVetoedOnAVeto() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"majority\"", "Drop the tests");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.a, d, "yes");
            r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, d, "veto");
            DecisionUpdate vetoed = r.expectEveryone(d, DecisionStatus.VETOED, 1, 0);
            assertEquals(1, vetoed.veto());
        }
    }

    @Test
    void shouldExpireAtItsDeadline() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"consensus\",\"deadline_ms\":300", "Quick poll");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.expectEveryone(d, DecisionStatus.EXPIRED, 0, 0);
            r.a.send("{\"op\":\"vote\",\"rid\":\"late\",\"room\":\"" + r.id + "\",\"decision\":\"" + d
                    + "\",\"choice\":\"yes\"}");
            assertError(r.a.next(), ErrorCode.BAD_REQUEST, "late", "decision");
            r.assertQuiet();
        }
    }

    @Test
    void shouldRefuseAVoteByANonMember() {
        try (Room r = Room.open(); WsClient outsider = server.hello("outsider-" + NEXT.incrementAndGet())) {
            String d = r.propose("\"rule\":\"majority\"", "Members only");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            outsider.send("{\"op\":\"vote\",\"rid\":\"x1\",\"room\":\"" + r.id + "\",\"decision\":\"" + d
                    + "\",\"choice\":\"veto\"}");
            assertError(outsider.next(), ErrorCode.FORBIDDEN, "x1", "room");
            assertNextIsPong(outsider);
            r.assertQuiet();
            r.vote(r.a, d, "yes");
            DecisionUpdate update = r.expectEveryone(d, DecisionStatus.OPEN, 1, 0);
            assertEquals(0, update.veto(), "the outsider's veto must not count");
        }
    }

    @Test
    void shouldRefuseAVoteOnAClosedDecision() {
        try (Room r = Room.open()) {
            String d = r.propose("\"rule\":\"weighted\"", "Closed quickly");
            r.expectEveryone(d, DecisionStatus.OPEN, 0, 0);
            r.vote(r.c, d, "yes");
            r.expectEveryone(d, DecisionStatus.APPROVED, 1, 0);
            r.a.send("{\"op\":\"vote\",\"rid\":\"again\",\"room\":\"" + r.id + "\",\"decision\":\"" + d
                    + "\",\"choice\":\"veto\"}");
            assertError(r.a.next(), ErrorCode.BAD_REQUEST, "again", "decision");
            r.assertQuiet();
        }
    }

    @Test
    void shouldNumberDecisionsPerRoom() {
        try (Room r = Room.open()) {
            String first = r.propose("\"rule\":\"majority\"", "First");
            r.expectEveryone(first, DecisionStatus.OPEN, 0, 0);
            String second = r.propose("\"rule\":\"majority\"", "Second");
            r.expectEveryone(second, DecisionStatus.OPEN, 0, 0);
            assertTrue(!first.equals(second), first + " twice");
            r.vote(r.a, second, "yes");
            r.expectEveryone(second, DecisionStatus.OPEN, 1, 0);
            r.vote(r.b, second, "yes");
            r.expectEveryone(second, DecisionStatus.APPROVED, 2, 0);
            r.vote(r.a, first, "no");
            r.expectEveryone(first, DecisionStatus.OPEN, 0, 1);
        }
    }

    /** A fresh room with three members; c joined with vote weight 3. */
    private static final class Room implements AutoCloseable {
        final String id = "decide-" + NEXT.incrementAndGet();
        final WsClient a;
        final WsClient b;
        final WsClient c;
        private int rids;

        private Room(WsClient a, WsClient b, WsClient c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        static Room open() {
            int n = NEXT.incrementAndGet();
            Room r = new Room(server.hello("ann-" + n), server.hello("ben-" + n), server.hello("cat-" + n));
            r.join(r.a, "", 0);
            r.join(r.b, "", 1);
            r.join(r.c, ",\"weight\":3,\"role\":\"lead\"", 2);
            return r;
        }

        private void join(WsClient who, String extra, int presencesToExpect) {
            String rid = rid();
            who.send("{\"op\":\"join\",\"rid\":\"" + rid + "\",\"room\":\"" + id + "\"" + extra + "}");
            parse(who.reply(rid), Ok.class);
            List<WsClient> earlier = List.of(a, b, c).subList(0, presencesToExpect);
            for (WsClient member : earlier) {
                member.await(f -> f.contains("\"op\":\"presence\""));
            }
        }

        String propose(String rule, String title) {
            String rid = rid();
            a.send("{\"op\":\"propose\",\"rid\":\"" + rid + "\",\"room\":\"" + id + "\",\"title\":\"" + title + "\","
                    + rule + "}");
            Ok ok = parse(a.next(), Ok.class);
            assertEquals(rid, ok.rid());
            assertNotNull(ok.decision(), "ok to propose names the decision");
            return ok.decision();
        }

        void vote(WsClient who, String decision, String choice) {
            String rid = rid();
            who.send("{\"op\":\"vote\",\"rid\":\"" + rid + "\",\"room\":\"" + id + "\",\"decision\":\"" + decision
                    + "\",\"choice\":\"" + choice + "\",\"comment\":\"because\"}");
            Ok ok = parse(who.next(), Ok.class);
            assertEquals(rid, ok.rid());
        }

        /** Every member's next frame is this decision update. */
        DecisionUpdate expectEveryone(String decision, DecisionStatus status, int yes, int no) {
            DecisionUpdate last = null;
            for (WsClient member : List.of(a, b, c)) {
                String json = member.next();
                DecisionUpdate u = parse(json, DecisionUpdate.class);
                assertEquals(decision, u.decision(), json);
                assertEquals(status, u.status(), json);
                assertEquals(yes, u.yes(), json);
                assertEquals(no, u.no(), json);
                assertEquals(id, u.room(), json);
                last = u;
            }
            return last;
        }

        /** Nothing else is pending for any member. */
        void assertQuiet() {
            for (WsClient member : List.of(a, b, c)) {
                assertNextIsPong(member);
            }
        }

        private String rid() {
            return "r" + (++rids);
        }

        @Override
        public void close() {
            a.close();
            b.close();
            c.close();
        }
    }
}
