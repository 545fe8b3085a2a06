package io.agentbus.loadtest.it;

import io.agentbus.loadtest.cli.LoadtestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code agentbus loadtest}, with what it printed and wrote. */
record LoadtestRun(int status, String out, String err, Path dir) {

    /** Runs {@code args} with {@code --out dir --no-png --threads 2}. */
    static LoadtestRun run(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.toString(), "--no-png", "--threads", "2"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadtestCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new LoadtestRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), dir);
    }

    Map<String, Object> results() throws IOException {
        return Json.readObject(dir.resolve("results.json"));
    }

    /** Everything printed, for assertion messages. */
    String printed() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
