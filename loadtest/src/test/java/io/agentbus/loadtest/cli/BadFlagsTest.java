package io.agentbus.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines exit 2, naming the flag, before any connection is made. */
class BadFlagsTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseANegativeRate() {
        assertUsageError("--rate", "fanout", "--rate", "-5");
    }

    @Test
    void shouldRefuseADurationWithAnUnknownUnit() {
        assertUsageError("--duration", "fanout", "--duration", "60x");
    }

    @Test
    void shouldRefuseAnUnknownTarget() {
        assertUsageError("--target", "fanout", "--target", "kafka");
    }

    @Test
    void shouldRefuseAnUnknownScenario() {
        assertUsageError("unknown scenario 'storm'", "storm");
    }

    @Test
    void shouldRefuseZeroConnections() {
        assertUsageError("--connections", "fanout", "--connections", "0");
    }

    @Test
    void shouldRefuseMorePublishersThanConnections() {
        assertUsageError("--publishers", "fanout", "--connections", "5", "--publishers", "6");
    }

    @Test
    void shouldRefuseAnOddNumberOfConnectionsForDirectMessages() {
        assertUsageError("--connections", "dm", "--connections", "7");
    }

    @Test
    void shouldRefuseSeveralUrlsForTheConnectScenarioWhichMeasuresOneServer() {
        assertUsageError("connect measures one server's memory per connection, so it takes one URL, not 2", "connect",
                "--url", "ws://127.0.0.1:1/ws,ws://127.0.0.1:2/ws");
    }

    @Test
    void shouldRefuseMoreRoomsThanConnections() {
        assertUsageError("--rooms", "rooms", "--connections", "10", "--rooms", "11");
    }

    @Test
    void shouldSayTheNettyTargetRunsOnlyTheFanout() {
        assertUsageError("supports only the fanout scenario", "rooms", "--target", "netty");
    }

    @Test
    void shouldRefuseARemoteServerWithoutAllowRemote() {
        assertUsageError("--allow-remote", "fanout", "--url", "ws://192.0.2.1:7070/ws");
    }

    @Test
    void shouldRefuseAUrlThatIsNoWebSocketUrl() {
        assertUsageError("--url", "fanout", "--url", "http://127.0.0.1:7070/ws");
    }

    @Test
    void shouldShowTheUrlHelpWithoutPicocliWarnings() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        Run run;
        try {
            run = run("fanout", "--help");
        } finally {
            System.setErr(stderr);
        }

        assertEquals(0, run.status, run.err);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        assertTrue(run.out.contains("connection i goes to URL i % count"), run.out);
    }

    @Test
    void shouldRefuseAnyOfSeveralUrlsThatIsNoWebSocketUrl() {
        assertUsageError("'http://127.0.0.1:7071/ws' is not a ws:// URL", "fanout", "--url",
                "ws://127.0.0.1:7070/ws,http://127.0.0.1:7071/ws");
    }

    @Test
    void shouldRefuseARemoteServerAmongSeveralUrlsWithoutAllowRemote() {
        assertUsageError("ws://192.0.2.1:7071/ws is not a loopback address", "fanout", "--url",
                "ws://127.0.0.1:7070/ws,ws://192.0.2.1:7071/ws");
    }

    @Test
    void shouldRefuseAStepFactorOfOne() {
        assertUsageError("--step-factor", "ramp", "--step-factor", "1");
    }

    @Test
    void shouldExitWithUsageWithoutAScenario() {
        assertUsageError("Scenarios: fanout, rooms, dm, connect, ramp");
    }

    @Test
    void shouldPrintHelpForEveryScenario() {
        for (String scenario : new String[] {"fanout", "rooms", "dm", "connect", "ramp"}) {
            Run run = run(scenario, "--help");
            assertEquals(0, run.status, run.out);
            assertTrue(run.out.contains("--connections") && run.out.contains("Exit status:"), run.out);
        }
    }

    private void assertUsageError(String expected, String... args) {
        String[] withOut = new String[args.length + 2];
        System.arraycopy(args, 0, withOut, 0, args.length);
        withOut[args.length] = "--out=" + dir.resolve("out");
        withOut[args.length + 1] = "--no-png";
        Run run = run(args.length == 0 || args[0].startsWith("storm") ? args : withOut);
        assertEquals(2, run.status, run.err);
        assertTrue(run.err.contains(expected), run.err);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadtestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
