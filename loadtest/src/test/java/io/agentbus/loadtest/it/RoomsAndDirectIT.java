package io.agentbus.loadtest.it;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smaller rooms and direct-message runs against the real daemon, in-process. */
@Tag("slow")
class RoomsAndDirectIT {
    @TempDir
    Path dir;

    @Test
    void shouldDeliverEachRoomsMessagesToEveryMemberOfTheRoom() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "rooms", "--url", daemon.url(),
                    "--connections", "60", "--rooms", "12", "--rate-per-client", "10", "--duration", "3s",
                    "--warmup", "500ms");
            Reports.assertPassed(run, "rooms", "agentbus", 60, 5);
        }
    }

    @Test
    void shouldDeliverEachDirectMessageToThePartner() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.start(dir.resolve("data"))) {
            LoadtestRun run = LoadtestRun.run(dir.resolve("out"), "dm", "--url", daemon.url(),
                    "--connections", "40", "--rate-per-client", "10", "--duration", "3s", "--warmup", "500ms");
            Reports.assertPassed(run, "dm", "agentbus", 40, 1);
        }
    }
}
