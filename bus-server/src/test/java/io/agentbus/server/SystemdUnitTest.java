package io.agentbus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packaging/agentbus.service}: the directives the daemon relies on, and systemd's own check of the file. */
class SystemdUnitTest {
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Pattern EXEC_START = Pattern.compile("(?m)^ExecStart=(/opt/agentbus/bin/agentbus) start "
            + "--data-dir (\\S+)$");

    @TempDir
    Path dir;

    @Test
    void shouldRunTheLauncherSandboxedWithOnlyItsDataDirWritable() throws IOException {
        String unit = Files.readString(unitFile());
        Matcher exec = EXEC_START.matcher(unit);

        assertTrue(exec.find(), "ExecStart runs bin/agentbus start --data-dir DIR:\n" + unit);
        for (String directive : List.of("Type=simple", "Restart=on-failure", "NoNewPrivileges=yes",
                "ProtectSystem=strict", "ReadWritePaths=" + exec.group(2), "StateDirectory=agentbus",
                "WorkingDirectory=" + exec.group(2), "User=agentbus", "WantedBy=multi-user.target")) {
            assertTrue(unit.lines().anyMatch(directive::equals), directive + " missing in\n" + unit);
        }
        assertTrue(unit.lines().noneMatch(l -> l.startsWith("MemoryDenyWriteExecute=yes")), "the JIT needs W+X");
    }

    @Test
    void shouldPassSystemdsOwnCheck() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "no systemd-analyze here");
        Path root = unitFile().getParent().getParent();
        Path unit = dir.resolve("agentbus.service");
        Files.writeString(unit, Files.readString(unitFile()).replace("/opt/agentbus/bin/agentbus",
                root.resolve("bin/agentbus").toString()));

        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", unit.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(30, TimeUnit.SECONDS), "systemd-analyze did not finish");

        assertEquals("", output.strip(), "systemd-analyze verify");
        assertEquals(0, verify.exitValue(), output);
    }

    private static Path unitFile() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path unit = p.resolve("packaging/agentbus.service");
            if (Files.exists(unit)) {
                return unit;
            }
        }
        throw new AssertionError("no packaging/agentbus.service above " + Path.of("").toAbsolutePath());
    }
}
