package io.agentbus.orchestrator.worker.it;

import static io.agentbus.orchestrator.worker.it.WorkerFixture.awaitNoChildProcesses;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the worker integration tests share: one in-process daemon per test class, a fresh
 * {@link WorkerFixture} with its own workspaces per test, and after each test its workers closed
 * and no child process left behind.
 */
abstract class LiveWorkerTest {
    @TempDir
    static Path dataDir;
    static LiveDaemon daemon;

    @TempDir
    Path workspaces;
    WorkerFixture fixture;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = LiveDaemon.start(dataDir);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @BeforeEach
    void fixture() {
        fixture = new WorkerFixture(daemon, workspaces);
    }

    @AfterEach
    void closeWorkers() {
        fixture.close();
        awaitNoChildProcesses();
    }
}
