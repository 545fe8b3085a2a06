package io.agentbus.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldListEverySettingInStartHelp() {
        assertEquals(0, run("start", "--help"));

        String help = out.toString();
        for (Setting s : Setting.values()) {
            assertTrue(help.contains(s.flag() + "="), "flag of " + s + " missing in\n" + help);
            assertTrue(help.contains(s.envName()), "env var of " + s + " missing in\n" + help);
            assertTrue(help.contains("default " + s.defaultValue()), "default of " + s + " missing in\n" + help);
            assertTrue(help.contains(s.description()), "description of " + s + " missing in\n" + help);
        }
        assertTrue(help.contains("--config"), help);
    }

    @Test
    void shouldExplainClusterModeInStartHelp() {
        assertEquals(0, run("start", "--help"));

        String help = out.toString();
        assertTrue(help.contains("--cluster-redis=VALUE"), help);
        assertTrue(help.contains("Cluster mode: --cluster-redis redis://HOST:PORT makes this node one of several"), help);
        assertTrue(help.contains("Running a cluster"), help);
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineOnAClusterRedisThatIsNoRedisUri() {
        assertEquals(Main.EXIT_USAGE, run("start", "--cluster-redis", "http://127.0.0.1:6379"));

        assertEquals("agentbus start: cluster.redis must be none or a Redis URI like redis://127.0.0.1:6379, not "
                + "'http://127.0.0.1:6379': Scheme http not supported (cluster.redis from flag --cluster-redis)"
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldExitWithUsageStatusOnAClusterRedisWithoutAHost() {
        assertEquals(Main.EXIT_USAGE, run("start", "--cluster-redis", "redis://"));

        assertTrue(err.toString().startsWith("agentbus start: cluster.redis must be none or a Redis URI like "
                + "redis://127.0.0.1:6379, not 'redis://': "), err.toString());
        assertTrue(err.toString().endsWith("(cluster.redis from flag --cluster-redis)" + System.lineSeparator()),
                err.toString());
    }

    @Test
    void shouldListCommandsInHelp() {
        assertEquals(0, run("--help"));

        assertTrue(out.toString().contains("start"), out.toString());
    }

    @Test
    void shouldPrintVersion() {
        assertEquals(0, run("--version"));

        assertTrue(out.toString().startsWith("agentbus "), out.toString());
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineOnBadValue() {
        assertEquals(Main.EXIT_USAGE, run("start", "--port", "abc"));

        assertEquals("agentbus start: port must be a whole number, not 'abc' (port from flag --port)"
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineOnNegativeDedupWindow() {
        assertEquals(Main.EXIT_USAGE, run("start", "--dedup-window-ms", "-1"));

        assertEquals("agentbus start: dedup.window.ms must be between 0 and 86400000, not -1"
                + " (dedup.window.ms from flag --dedup-window-ms)" + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineOnNonNumericDedupMaxIds() {
        assertEquals(Main.EXIT_USAGE, run("start", "--dedup-max-ids", "many"));

        assertEquals("agentbus start: dedup.max.ids must be a whole number, not 'many'"
                + " (dedup.max.ids from flag --dedup-max-ids)" + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineOnUnknownFlag() {
        assertEquals(Main.EXIT_USAGE, run("start", "--prot", "7071"));

        assertEquals("agentbus start: unknown flag --prot (did you mean --port?); see 'agentbus start --help'"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldExitWithUsageStatusOnUnknownCommand() {
        assertEquals(Main.EXIT_USAGE, run("strat"));

        assertEquals("agentbus: unknown command 'strat'; see 'agentbus --help'" + System.lineSeparator(),
                err.toString());
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
