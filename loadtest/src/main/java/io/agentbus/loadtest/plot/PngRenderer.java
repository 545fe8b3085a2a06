package io.agentbus.loadtest.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders {@code plot.html} to {@code plot.png} with headless Chromium, as a child process with a
 * timeout, in a throw-away profile directory. Without Chromium it skips, and says so.
 */
public final class PngRenderer {
    /** Where Debian's chromium package puts it. */
    public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final String WINDOW = "--window-size=1200,1000";

    private final Path chromium;

    public PngRenderer(Path chromium) {
        this.chromium = chromium;
    }

    /** Renders; {@code null} when the PNG was written, else why not. */
    public String render(Path html, Path png) {
        if (!Files.isExecutable(chromium)) {
            return "skipped: no Chromium at " + chromium;
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("loadtest-chromium");
            Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png.toAbsolutePath(), WINDOW,
                    html.toAbsolutePath().toUri().toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return outcome(p, png);
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String outcome(Process p, Path png) throws InterruptedException {
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            destroyWithChildren(p);
            return "failed: Chromium did not finish within " + TIMEOUT.toSeconds() + " s";
        }
        if (p.exitValue() != 0 || !Files.exists(png)) {
            return "failed: Chromium exited with " + p.exitValue() + " and wrote no " + png.getFileName();
        }
        return null;
    }

    /**
     * Kills Chromium's helper processes (renderer, GPU, zygote) before Chromium itself: once the
     * parent is gone they are no longer its descendants and would outlive the run.
     */
    private static void destroyWithChildren(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
