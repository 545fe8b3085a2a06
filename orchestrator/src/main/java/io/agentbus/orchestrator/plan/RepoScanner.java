package io.agentbus.orchestrator.plan;

import io.agentbus.orchestrator.config.AnalysisSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Measures a directory: source files, non-blank lines, languages, test presence. */
public final class RepoScanner {
    /** Files larger than this are not read for lines (generated or data files). */
    static final long MAX_READ_BYTES = 2L * 1024 * 1024;
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "specs");
    private static final Pattern TEST_FILE = Pattern.compile(
            "(?i)(.*Tests?\\.[a-z]+|.*IT\\.java|test_.*\\.py|.*_test\\.[a-z]+|.*\\.(test|spec)\\.[a-z]+)");

    private final AnalysisSettings settings;

    public RepoScanner(AnalysisSettings settings) {
        this.settings = settings;
    }

    /**
     * Scans {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a readable directory
     */
    public RepoFacts scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--repo " + dir + ": not a directory");
        }
        Counter counter = new Counter(dir);
        try {
            Files.walkFileTree(dir, counter);
        } catch (IOException e) {
            throw new UncheckedIOException("--repo " + dir + ": cannot read: " + e.getMessage(), e);
        }
        return new RepoFacts(counter.files, counter.loc, byCount(counter.languages), counter.tests > 0);
    }

    private static Map<String, Integer> byCount(Map<String, Integer> languages) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        languages.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private final class Counter extends SimpleFileVisitor<Path> {
        int files;
        long loc;
        int tests;
        final Map<String, Integer> languages = new HashMap<>();
        private final Path root;

        Counter(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path name = dir.getFileName();
            boolean ignored = name != null && settings.ignoredDirs().contains(name.toString());
            return ignored ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String language = settings.languages().get(extension(file.getFileName().toString()));
            if (language == null || !attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            files++;
            languages.merge(language, 1, Integer::sum);
            if (isTest(root.relativize(file))) {
                tests++;
            }
            if (attrs.size() <= MAX_READ_BYTES) {
                loc += nonBlankLines(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isTest(Path file) {
        for (Path part : file) {
            if (TEST_DIRS.contains(part.toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return TEST_FILE.matcher(file.getFileName().toString()).matches();
    }

    private static long nonBlankLines(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
