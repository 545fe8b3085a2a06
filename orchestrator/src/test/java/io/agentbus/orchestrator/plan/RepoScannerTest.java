package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoScannerTest {
    private final RepoScanner scanner = new RepoScanner(ConfigLoader.defaults().analysis());

    @Test
    void shouldCountSourceFilesLinesLanguagesAndTests(@TempDir Path dir) throws Exception {
        write(dir.resolve("src/main/App.java"), "class App {\n\n  int x;\n}\n");
        write(dir.resolve("src/test/AppTest.java"), "class AppTest {\n}\n");
        write(dir.resolve("tool.py"), "print(1)\n");
        write(dir.resolve("notes.bin"), "not code\n");
        write(dir.resolve("node_modules/lib/x.js"), "ignored();\n");
        write(dir.resolve(".git/hooks/pre-commit.sh"), "ignored\n");
        RepoFacts facts = scanner.scan(dir);
        assertEquals(3, facts.files());
        assertEquals(3 + 2 + 1, facts.loc());
        assertEquals(Map.of("Java", 2, "Python", 1), facts.languages());
        assertEquals("Java", facts.languages().keySet().iterator().next());
        assertTrue(facts.hasTests());
    }

    @Test
    void shouldSeeNoTestsWhereThereAreNone(@TempDir Path dir) throws Exception {
        write(dir.resolve("main.go"), "package main\n");
        assertFalse(scanner.scan(dir).hasTests());
    }

    @Test
    void shouldRefuseSomethingThatIsNotADirectory(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scanner.scan(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
