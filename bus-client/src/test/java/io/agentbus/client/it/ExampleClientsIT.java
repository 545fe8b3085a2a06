package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.History;
import io.agentbus.client.Published;
import io.agentbus.client.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example clients of {@code examples/} (Node.js and Python) run as child processes against
 * the real daemon and talk with the Java client in one room. Needs {@code node} with
 * {@code npm ci --prefix examples/js} done, and {@code /usr/bin/python3} with Debian's
 * {@code python3-websockets} (or {@code AGENTBUS_PYTHON} naming another python3 with
 * websockets): skipped without them, failed without them when {@code CI=true}.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExampleClientsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final Duration PREREQUISITE_WAIT = Duration.ofSeconds(10);
    private static final String JAVA_CLIENT = "java-1";
    private static final String JAVA_TEXT = "hello from java";
    private static final String PYTHON = System.getenv().getOrDefault("AGENTBUS_PYTHON", "/usr/bin/python3");

    @TempDir
    static Path dataDir;
    static LiveServer server;
    static Path repoRoot;

    private final BlockingQueue<ReceivedMessage> javaReceived = new LinkedBlockingQueue<>();
    private final List<ExampleProcess> examples = new ArrayList<>();
    private AgentBusClient java;
    private String room;

    @BeforeAll
    static void startServer() throws Exception {
        repoRoot = repoRoot();
        server = LiveServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void joinJavaClient() throws Exception {
        room = "examples-" + UUID.randomUUID();
        java = AgentBusClient.builder(server.uri(), JAVA_CLIENT).onMessage(javaReceived::add).connect();
        java.join(room).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopExamplesAndJavaClient() {
        examples.forEach(ExampleProcess::close);
        if (java != null) {
            java.close();
        }
    }

    @Test
    void shouldExchangeMessagesBetweenTheJavaScriptExampleAndJava() throws Exception {
        requireNode();
        exchangeWithJava(startJs("js-1", "hello from js", "--exit-after", "2"), "js-1", "hello from js");
    }

    @Test
    void shouldExchangeMessagesBetweenThePythonExampleAndJava() throws Exception {
        requirePython();
        exchangeWithJava(startPython("py-1", "hello from python", "--exit-after", "2"), "py-1", "hello from python");
    }

    @Test
    void shouldLetTheJavaScriptAndPythonExamplesAndJavaSeeTheSameMessagesInOneOrder() throws Exception {
        requireNode();
        requirePython();
        ExampleProcess python = startPython("py-1", "hello from python", "--exit-after", "3", "--since", "0");
        ExampleProcess js = startJs("js-1", "hello from js", "--exit-after", "3", "--since", "0");

        List<ReceivedMessage> fromExamples = List.of(nextJavaMessage(python, js), nextJavaMessage(python, js));
        assertEquals(Set.of("py-1: hello from python", "js-1: hello from js"),
                fromExamples.stream().map(m -> m.from() + ": " + m.text()).collect(Collectors.toSet()),
                () -> "the Java client was handed " + fromExamples + "\n" + describe(python, js));
        Published published = java.publish(room, JAVA_TEXT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        ReceivedMessage echo = nextJavaMessage();

        List<String> expected = new ArrayList<>();
        for (ReceivedMessage m : fromExamples) {
            expected.add(line(m.offset(), m.from(), "chat", m.text()));
        }
        expected.add(line(published.offset(), JAVA_CLIENT, "message", JAVA_TEXT));
        assertEquals(List.of(1L, 2L, 3L), List.of(fromExamples.get(0).offset(), fromExamples.get(1).offset(),
                echo.offset()), "offsets the Java client was handed");
        assertEquals(expected, python.awaitSuccessfulExit(EXIT_WAIT), python::describe);
        assertEquals(expected, js.awaitSuccessfulExit(EXIT_WAIT), js::describe);
        assertStoredOnce(3);
    }

    /**
     * The example publishes, Java sees it and answers; the example prints both, its own first,
     * each once, and exits 0 after {@code --exit-after 2}.
     */
    private void exchangeWithJava(ExampleProcess example, String clientId, String text) throws Exception {
        ReceivedMessage theirs = nextJavaMessage(example);
        assertEquals(List.of(clientId, "chat", text), List.of(theirs.from(), theirs.type(), theirs.text()),
                () -> "the Java client was handed " + theirs + "\n" + example.describe());

        Published ours = java.publish(room, JAVA_TEXT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(ours.offset(), nextJavaMessage().offset(), "offset of the Java client's echo");

        List<String> printed = example.awaitSuccessfulExit(EXIT_WAIT);
        assertEquals(List.of(line(theirs.offset(), clientId, "chat", text),
                line(ours.offset(), JAVA_CLIENT, "message", JAVA_TEXT)), printed, example::describe);
        assertStoredOnce(2);
    }

    /**
     * The next message handed to the Java client within {@link #WAIT}; fails early, with their
     * output, if one of {@code watched} exits before it arrives.
     */
    private ReceivedMessage nextJavaMessage(ExampleProcess... watched) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ReceivedMessage m = javaReceived.poll(100, TimeUnit.MILLISECONDS);
            if (m != null) {
                return m;
            }
            if (Arrays.stream(watched).anyMatch(e -> !e.isAlive())) {
                m = javaReceived.poll();
                if (m != null) {
                    return m;
                }
                fail("an example exited before the Java client was handed its message:\n" + describe(watched));
            }
        }
        return fail("the Java client was handed nothing within " + WAIT + "\n" + describe(watched));
    }

    /** The room holds exactly {@code count} messages: nothing was published twice. */
    private void assertStoredOnce(int count) throws Exception {
        History history = java.history(room, 0, 100).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(count, history.messages().size(), () -> "messages stored in the room: " + history.messages());
    }

    /** The line both examples print for a chat message: compact JSON, keys in this order. */
    private String line(long offset, String from, String type, String text) {
        return "{\"room\":\"" + room + "\",\"offset\":" + offset + ",\"from\":\"" + from + "\",\"type\":\"" + type
                + "\",\"body\":{\"text\":\"" + text + "\"}}";
    }

    private ExampleProcess startJs(String clientId, String text, String... more) throws IOException {
        return start("js", List.of("node", repoRoot.resolve("examples/js/agentbus-example.js").toString()),
                clientId, text, more);
    }

    private ExampleProcess startPython(String clientId, String text, String... more) throws IOException {
        return start("python", List.of(PYTHON, repoRoot.resolve("examples/python/agentbus_example.py").toString()),
                clientId, text, more);
    }

    private ExampleProcess start(String name, List<String> program, String clientId, String text, String... more)
            throws IOException {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of("--url", server.uri().toString(), "--client", clientId, "--room", room, "--text", text));
        command.addAll(List.of(more));
        ExampleProcess example = ExampleProcess.start(name, command, repoRoot);
        examples.add(example);
        return example;
    }

    private static String describe(ExampleProcess... examples) {
        return Arrays.stream(examples).map(ExampleProcess::describe).collect(Collectors.joining("\n"));
    }

    private static void requireNode() throws InterruptedException {
        require(runs("node", "--version"), "Node.js is not on the PATH: install Node.js >= 18, then run "
                + "`npm ci --prefix examples/js` in " + repoRoot);
        require(Files.isDirectory(repoRoot.resolve("examples/js/node_modules/ws")),
                "examples/js/node_modules/ws is missing: run `npm ci --prefix examples/js` in " + repoRoot);
    }

    private static void requirePython() throws InterruptedException {
        require(runs(PYTHON, "-c", "import websockets"), PYTHON + " cannot import websockets: run "
                + "`apt-get install python3-websockets` (Debian/Ubuntu), or set AGENTBUS_PYTHON to a python3 "
                + "that has websockets >= 10.4");
    }

    /** Skips the test unless {@code present}; fails it instead when the environment says {@code CI=true}. */
    private static void require(boolean present, String message) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(present, message);
    }

    /** Whether {@code command} exits 0 within {@link #PREREQUISITE_WAIT}. */
    private static boolean runs(String... command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return false;
        }
        try {
            return process.waitFor(PREREQUISITE_WAIT.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
        } finally {
            process.destroyForcibly();
        }
    }

    /** Surefire runs in {@code bus-client/}; the root is the first directory up that holds the examples. */
    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/js/agentbus-example.js"))) {
                return p;
            }
        }
        return fail("no examples/js/agentbus-example.js above " + Path.of("").toAbsolutePath());
    }
}
