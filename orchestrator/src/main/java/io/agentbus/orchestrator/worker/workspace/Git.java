package io.agentbus.orchestrator.worker.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs git in a directory and returns what it printed; a git that fails is a {@link WorkspaceException}. */
final class Git {
    private static final long TIMEOUT_S = 60;

    private Git() {
    }

    /** The standard output of {@code git -C dir args…}. */
    static String run(Path dir, String... args) throws WorkspaceException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).start();
            git.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(git.getErrorStream()));
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new WorkspaceException(String.join(" ", command) + " took more than " + TIMEOUT_S + " s");
            }
            if (git.exitValue() != 0) {
                throw new WorkspaceException(String.join(" ", command) + " failed (" + git.exitValue() + "): "
                        + err.join().strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException("interrupted while running git", e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether {@code dir} is the top of a git work tree (not merely inside one). */
    static boolean isTopOfWorkTree(Path dir) {
        try {
            Path top = Path.of(run(dir, "rev-parse", "--show-toplevel").strip());
            return top.toRealPath().equals(dir.toRealPath());
        } catch (WorkspaceException | IOException e) {
            return false;
        }
    }
}
