package io.agentbus.orchestrator.worker.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The prompt written to a temporary file for {@code PromptMode.FILE}, deleted after the attempt. */
record PromptFile(Path path) {
    static PromptFile of(boolean needed, String prompt) throws IOException {
        if (!needed) {
            return new PromptFile(null);
        }
        Path file = Files.createTempFile("agentbus-prompt-", ".md");
        Files.writeString(file, prompt);
        return new PromptFile(file);
    }

    void delete() {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file: the system cleans it up at the latest
            }
        }
    }
}
