package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Ok;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/agentbus journal dump} and {@code verify}, each a process of its own, read the journal
 * of a daemon that is running as another process: they see what it appended so far, take no lock
 * (the daemon appends on afterwards) and print nothing but their output.
 */
class JournalLiveIT {
    private static final String ROOM = "live";
    private static final long TOOL_DEADLINE_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldDumpAndVerifyTheJournalOfARunningDaemon() throws Exception {
        int port = Daemon.freePort();
        Path data = dir.resolve("data");
        try (Daemon daemon = Daemon.startHealthy(port, data, dir.resolve("daemon.log"));
             WsClient writer = WsClient.hello(port, "writer")) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(i, publish(writer, i));
            }
            Tool dump = tool("dump", "--data-dir", data.toString(), "--room", ROOM);
            assertEquals(List.of(1L, 2L, 3L), dump.offsets(), dump.toString());

            Tool verify = tool("verify", "--data-dir", data.toString());
            assertEquals(List.of("entries: 3 in 1 file", "rooms: 1", "inboxes: 0", "problems: 0"),
                    verify.out().subList(1, verify.out().size()), verify.toString());

            assertEquals(4, publish(writer, 4), "the daemon appends on after the tools read its journal");
            Tool since = tool("dump", "--data-dir", data.toString(), "--since", "3");
            assertEquals(List.of(4L), since.offsets(), since.toString());
            assertTrue(since.out().get(0).contains("\"frame\":{\"op\":\"msg\","), since.toString());
            assertEquals(0, daemon.stop(), daemon.log());
        }
    }

    private static long publish(WsClient writer, int i) {
        writer.send("{\"op\":\"pub\",\"rid\":\"p" + i + "\",\"room\":\"" + ROOM + "\",\"body\":{\"n\":" + i + "}}");
        return parse(writer.reply("p" + i), Ok.class).offset();
    }

    /** Runs {@code bin/agentbus journal ARGS}; asserts it exits 0 with nothing on stderr. */
    private Tool tool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("journal"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tool", ".out");
        Path err = Files.createTempFile(dir, "tool", ".err");
        Process process = Daemon.launcher(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(TOOL_DEADLINE_MS, TimeUnit.MILLISECONDS), "journal " + command + " hangs");
        } finally {
            process.destroyForcibly();
        }
        Tool tool = new Tool(process.exitValue(), Files.readAllLines(out), Files.readString(err));
        assertEquals(0, tool.status(), tool.toString());
        assertEquals("", tool.err(), "stderr of " + command);
        return tool;
    }

    private record Tool(int status, List<String> out, String err) {
        /** The offsets of the room messages dumped, in order. */
        List<Long> offsets() {
            List<Long> offsets = new ArrayList<>();
            for (String line : out) {
                assertTrue(line.contains("\"kind\":\"room_message\",\"room\":\"" + ROOM + "\""), line);
                int at = line.indexOf("\"offset\":") + "\"offset\":".length();
                offsets.add(Long.parseLong(line.substring(at, line.indexOf(',', at))));
            }
            return offsets;
        }
    }
}
