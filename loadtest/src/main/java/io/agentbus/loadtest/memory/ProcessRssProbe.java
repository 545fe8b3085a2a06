package io.agentbus.loadtest.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The resident set size of a local process, from {@code /proc/PID/status}; if the process is a
 * JVM, {@code jcmd PID GC.run} runs first so that the heap holds live objects only.
 */
public final class ProcessRssProbe implements MemoryProbe {
    private static final long JCMD_TIMEOUT_SECONDS = 30;
    private static final long KIB = 1024;

    private final long pid;

    public ProcessRssProbe(long pid) {
        this.pid = pid;
    }

    @Override
    public String name() {
        return "rss(pid " + pid + ")";
    }

    @Override
    public MemoryReading read() throws IOException {
        Map<String, Long> parts = new LinkedHashMap<>();
        if (isJvm()) {
            parts.put("gc_run", runGc() ? 1L : 0L);
        }
        long rss = rssBytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        parts.put("rss_bytes", rss);
        return new MemoryReading(rss, parts);
    }

    /** {@code VmRSS:   12345 kB} as bytes. */
    static long rssBytes(List<String> status) throws IOException {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    return Long.parseLong(fields[0]) * KIB;
                } catch (NumberFormatException e) {
                    throw new IOException("unreadable VmRSS line: " + line, e);
                }
            }
        }
        throw new IOException("no VmRSS in /proc/PID/status (a kernel thread, or a zombie?)");
    }

    private boolean isJvm() {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String first = new String(cmdline, StandardCharsets.UTF_8).split("\0", 2)[0];
            return first.endsWith("/java") || first.equals("java");
        } catch (IOException e) {
            return false;
        }
    }

    private boolean runGc() {
        try {
            Process jcmd = new ProcessBuilder(jcmd(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return false;
            }
            return jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The jcmd beside the running java, else the one on the PATH. */
    private static String jcmd() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path beside = javaHome.resolve("bin").resolve("jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }
}
