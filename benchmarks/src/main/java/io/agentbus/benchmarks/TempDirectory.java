package io.agentbus.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for a benchmark's journal, deleted with everything in it on close. */
public final class TempDirectory implements AutoCloseable {
    private final Path path;

    /** @param parent where to make it; empty for the JVM's temporary directory */
    public TempDirectory(String parent, String prefix) throws IOException {
        this.path = Files.createTempDirectory(parent(parent), prefix);
    }

    /** The directory {@code parent} names (empty for the JVM's temporary directory), created if missing. */
    public static Path parent(String parent) throws IOException {
        Path base = parent.isEmpty() ? Paths.get(System.getProperty("java.io.tmpdir")) : Paths.get(parent);
        Files.createDirectories(base);
        return base;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirectory::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
