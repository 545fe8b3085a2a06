package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode through Redis Sentinel: {@code cluster.redis=redis-sentinel://HOST:PORT#MASTER}
 * makes each node ask a real sentinel ({@code redis-server --sentinel}, the same Debian binary)
 * where the master is, and the two nodes then work as with a plain {@code redis://} URI.
 */
class ClusterSentinelIT {
    private static final String MASTER = "agentbus-master";

    @TempDir
    Path dir;

    @Test
    void shouldLinkTwoNodesThroughTheMasterASentinelNames() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             Sentinel sentinel = Sentinel.start(dir, redis);
             TestServer a = node("a", sentinel.uri());
             TestServer b = node("b", sentinel.uri());
             WsClient publisher = a.hello("lead");
             WsClient member = b.hello("coder")) {
            member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"team\"}");
            parse(member.reply("j"), Ok.class);

            publisher.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"team\",\"body\":\"through the sentinel\"}");

            assertEquals(1, parse(publisher.reply("p"), Ok.class).offset());
            Msg msg = parse(member.await(f -> f.contains("\"op\":\"msg\"")), Msg.class);
            assertEquals(1, msg.offset());
            assertEquals("\"through the sentinel\"", msg.body().json());
            String health = a.get("/health").body();
            assertTrue(health.startsWith("{\"status\":\"up\"") && health.contains("redis-sentinel://"), health);
        }
    }

    private TestServer node(String name, String uri) throws Exception {
        return TestServer.start(dir.resolve(name), Map.of(Setting.CLUSTER_REDIS, uri));
    }

    /** {@code redis-server --sentinel} watching one master, on a free port of 127.0.0.1. */
    private static final class Sentinel implements AutoCloseable {
        private final Process process;
        private final int port;

        private Sentinel(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Sentinel start(Path dir, RedisServer master) throws IOException {
            int port = RedisServer.freePort();
            int masterPort = Integer.parseInt(master.uri().substring(master.uri().lastIndexOf(':') + 1));
            Path conf = dir.resolve("sentinel.conf");
            Files.writeString(conf, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "dir " + dir,
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + MASTER + " 5000", ""));
            Path log = dir.resolve("sentinel.log");
            Process process = new ProcessBuilder(RedisServer.BINARY.toString(), conf.toString(), "--sentinel")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Sentinel sentinel = new Sentinel(process, port);
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !process.isAlive() || Files.readString(log).contains("+monitor master " + MASTER));
                if (!process.isAlive()) {
                    throw new IOException("redis-server --sentinel exited: " + Files.readString(log));
                }
            } catch (IOException | RuntimeException e) {
                sentinel.close();
                throw e;
            }
            return sentinel;
        }

        String uri() {
            return "redis-sentinel://127.0.0.1:" + port + "#" + MASTER;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
