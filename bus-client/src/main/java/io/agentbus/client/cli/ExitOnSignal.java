package io.agentbus.client.cli;

/**
 * While open, SIGTERM and SIGINT (Ctrl-C) run a clean-up and end the process with status 0,
 * where the JVM would exit with 128 + the signal's number. It is a shutdown hook that halts:
 * {@link #remove()} it before any exit the command chooses, so that exit keeps its own status.
 */
final class ExitOnSignal {
    private final Thread hook;

    ExitOnSignal(Runnable cleanUp) {
        this.hook = new Thread(() -> {
            cleanUp.run();
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "agentbus-cli-exit-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // a signal arrived meanwhile: the hook cleans up and ends the process
        }
    }
}
