package io.agentbus.client.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Published;
import io.agentbus.client.ReconnectPolicy;
import io.agentbus.server.config.Setting;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it across a node's death: {@code bin/agentbus tail --url A,B} in a child
 * process follows a room on node A (a daemon child process) while a stream is published on node
 * B; A is killed with SIGKILL mid-stream; the tail moves to B, says so on stderr, and prints every
 * offset once, in order, with the text published at it.
 */
class TailFailoverIT {
    static final int MESSAGES = 900;
    static final int RATE_PER_SECOND = 300;
    static final String ROOM = "tailed";
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern OFFSET_AND_TEXT = Pattern.compile(
            "^\\{\"room\":\"" + ROOM + "\",\"offset\":(\\d+),.*\"body\":\\{\"text\":\"(\\d+)\"}}$");

    @TempDir
    Path dir;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldFollowTheRoomOnTheNextNodeWhenItsNodeIsKilledAndPrintEveryOffsetOnce() throws Exception {
        RedisServer redis = track(RedisServer.start(dir));
        DaemonProcess a = track(new DaemonProcess(dir.resolve("a"), Map.of("AGENTBUS_CLUSTER_REDIS", redis.uri())));
        a.start();
        LiveServer b = track(LiveServer.start(dir.resolve("b"), Map.of(Setting.CLUSTER_REDIS, redis.uri())));
        Process tail = launch("tail", "--room", ROOM, "--json", "--url", a.uri() + "," + b.uri());
        ProcessLines out = ProcessLines.read(tail.getInputStream(), "tail-stdout");
        ProcessLines err = ProcessLines.read(tail.getErrorStream(), "tail-stderr");
        err.await(line -> line.contains("joined " + ROOM), WAIT);
        AgentBusClient publisher = track(AgentBusClient.builder(b.uri(), "tail-feeder")
                .reconnect(new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200))).requestTimeout(WAIT)
                .connect());
        SteadyPublisher steady = new SteadyPublisher(publisher, ROOM, MESSAGES, RATE_PER_SECOND);

        steady.start();
        out.await(line -> line.contains("\"offset\":" + MESSAGES / 3 + ","), WAIT);
        a.kill();

        List<Published> acks = steady.awaitAll();
        err.await(line -> line.equals("agentbus: reconnected to " + b.uri()), WAIT);
        await().atMost(WAIT).until(() -> out.all().size() >= MESSAGES);
        List<String> lines = out.all();
        assertEquals(MESSAGES, lines.size(), "one line per message");
        for (int i = 0; i < MESSAGES; i++) {
            Matcher m = OFFSET_AND_TEXT.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(i + 1, Long.parseLong(m.group(1)), "offset on line " + (i + 1));
            assertEquals(acks.get(Integer.parseInt(m.group(2)) - 1).offset(), i + 1,
                    "line " + (i + 1) + " holds the text published at its offset");
        }
        tail.destroy();
        assertTrue(tail.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "tail exits on SIGTERM; stderr: " + err.all());
        assertEquals(0, tail.exitValue(), "stderr: " + err.all());
    }

    private Process launch(String... args) throws Exception {
        Path root = DaemonProcess.projectRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/agentbus").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        builder.environment().put("AGENTBUS_CLASSPATH", classpath.replace(File.pathSeparatorChar, ':'));
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        closeables.add(0, () -> {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        });
        return process;
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }
}
