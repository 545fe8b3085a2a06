package io.agentbus.loadtest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/compare.sh} and {@code bench/compare-table.sh} refuse bad arguments before starting
 * anything; the full comparison is for PERFORMANCE.md, not for the test suite.
 */
class CompareScriptIT {
    private static final long DEADLINE_S = 30;

    @TempDir
    Path dir;

    @Test
    void shouldPrintHelp() throws Exception {
        Result r = run("bench/compare.sh", "--help");
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("Usage: bench/compare.sh"), r.output);
    }

    @Test
    void shouldRefuseAnUnknownTarget() throws Exception {
        Result r = run("bench/compare.sh", "--targets", "agentbus kafka", "--out", dir.toString());
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("unknown target 'kafka'"), r.output);
    }

    @Test
    void shouldRefuseRunsThatAreNotAPositiveInteger() throws Exception {
        Result r = run("bench/compare.sh", "--runs", "0", "--out", dir.toString());
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("--runs must be a positive integer"), r.output);
    }

    @Test
    void shouldRefuseAnUnknownOption() throws Exception {
        Result r = run("bench/compare.sh", "--fast");
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("unknown option '--fast'"), r.output);
    }

    @Test
    void shouldRefuseATableOfADirectoryThatDoesNotExist() throws Exception {
        Result r = run("bench/compare-table.sh", dir.resolve("missing").toString());
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("usage: bench/compare-table.sh RESULTS_DIR"), r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String script, String... args) throws IOException, InterruptedException {
        Path root = projectRoot();
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
                throw new AssertionError(script + " did not exit within " + DEADLINE_S + " s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bench/compare.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("bench/compare.sh not found above " + Path.of("").toAbsolutePath());
    }
}
