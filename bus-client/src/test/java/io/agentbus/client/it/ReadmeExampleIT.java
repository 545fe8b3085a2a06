package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java program runs against the real daemon and prints what README says it prints. */
class ReadmeExampleIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldJoinPublishAndPrintItsOwnMessage() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LiveServer server = LiveServer.start(dataDir)) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            ReadmeExample.main(new String[] {server.uri().toString()});
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("joined build-42 at offset 0 with 1 member(s)", lines.get(0));
        // the echo runs on the callback thread, the "published" line on main: either may print first
        assertEquals(Set.of("published at offset 1", "[build-42 #1] coder-1: {\"text\":\"tests are green\"}"),
                Set.copyOf(lines.subList(1, 3)));
    }
}
