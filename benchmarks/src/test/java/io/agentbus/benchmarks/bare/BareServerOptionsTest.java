package io.agentbus.benchmarks.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BareServerOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private BareServerOptions.Parsed parse(String... args) {
        return BareServerOptions.parse(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldListenOnTheLoopbackPort7080WithNettysDefaultThreadsWithoutFlags() {
        BareServerOptions options = parse().options();

        assertEquals("127.0.0.1", options.host());
        assertEquals(7080, options.port());
        assertEquals(0, options.threads());
    }

    @Test
    void shouldTakeEveryFlag() {
        BareServerOptions options = parse("--port", "9001", "--host", "0.0.0.0", "--threads", "4").options();

        assertEquals("0.0.0.0", options.host());
        assertEquals(9001, options.port());
        assertEquals(4, options.threads());
    }

    @Test
    void shouldPrintHelpAndExitWithZero() {
        BareServerOptions.Parsed parsed = parse("--help");

        assertNull(parsed.options());
        assertEquals(BareServerOptions.EXIT_OK, parsed.exitStatus());
        assertTrue(out.toString().contains("--threads"), out::toString);
    }

    @Test
    void shouldExitWithTwoNamingAnUnknownFlag() {
        assertUsageError(parse("--bogus"), "--bogus");
    }

    @Test
    void shouldExitWithTwoOnAPortThatIsNotANumber() {
        assertUsageError(parse("--port", "http"), "--port");
    }

    @Test
    void shouldExitWithTwoOnAPortOutOfRange() {
        assertUsageError(parse("--port", "70000"), "--port must be between 0 and 65535");
    }

    @Test
    void shouldExitWithTwoOnNegativeThreads() {
        assertUsageError(parse("--threads", "-1"), "--threads must be 0 or more");
    }

    @Test
    void shouldExitWithTwoOnAFlagWithoutItsValue() {
        assertUsageError(parse("--host"), "--host");
    }

    private void assertUsageError(BareServerOptions.Parsed parsed, String expected) {
        assertNull(parsed.options());
        assertEquals(BareServerOptions.EXIT_USAGE, parsed.exitStatus());
        assertTrue(err.toString().contains(expected), err::toString);
        assertTrue(err.toString().startsWith("bare-broadcast-server: "), err::toString);
    }
}
