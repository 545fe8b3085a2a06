package io.agentbus.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        ServerConfig config = load(NO_ENV);

        assertEquals("127.0.0.1", config.host());
        assertEquals(7070, config.port());
        assertEquals(Path.of("./data"), config.dataDir());
    }

    @Test
    void shouldDefaultToAFiveMinuteDedupWindowOfAMillionIds() {
        ServerConfig config = load(NO_ENV);

        assertEquals(300_000, config.dedupWindowMs());
        assertEquals(1_000_000, config.dedupMaxIds());
    }

    @Test
    void shouldReadDedupSettingsAndAcceptAZeroWindow() throws IOException {
        ServerConfig config = load(Map.of("AGENTBUS_DEDUP_MAX_IDS", "5000"), "--config", file("dedup.window.ms=0"));

        assertEquals(0, config.dedupWindowMs());
        assertEquals(5000, config.dedupMaxIds());
    }

    @Test
    void shouldLetFileOverrideDefaults() throws IOException {
        ServerConfig config = load(NO_ENV, "--config", file("# a comment", "", "port = 7071", "host=0.0.0.0"));

        assertEquals(7071, config.port());
        assertEquals("0.0.0.0", config.host());
    }

    @Test
    void shouldLetEnvironmentOverrideFile() throws IOException {
        ServerConfig config = load(Map.of("AGENTBUS_PORT", "7072"), "--config", file("port=7071", "io.threads=3"));

        assertEquals(7072, config.port());
        assertEquals(3, config.ioThreads());
    }

    @Test
    void shouldLetFlagOverrideEnvironmentAndFile() throws IOException {
        Map<String, String> env = Map.of("AGENTBUS_PORT", "7072", "AGENTBUS_IO_THREADS", "4");
        String file = file("port=7071", "io.threads=3", "transport=nio");

        ServerConfig config = load(env, "--config", file, "--port", "7073");

        assertEquals(7073, config.port());
        assertEquals(4, config.ioThreads());
        assertEquals(TransportKind.NIO, config.transport());
    }

    @Test
    void shouldAcceptFlagWithEquals() {
        assertEquals(7071, load(NO_ENV, "--port=7071").port());
    }

    @Test
    void shouldTakeLastValueOfRepeatedFlag() {
        assertEquals(7072, load(NO_ENV, "--port", "7071", "--port", "7072").port());
    }

    @Test
    void shouldRememberWhereEachValueCameFrom() throws IOException {
        String file = file("host=0.0.0.0");
        ConfigLoader loader = new ConfigLoader(Map.of("AGENTBUS_IO_THREADS", "2"));

        loader.load(List.of("--config", file, "--port", "7071"));

        assertEquals(file + ":1", loader.source(Setting.HOST));
        assertEquals("environment variable AGENTBUS_IO_THREADS", loader.source(Setting.IO_THREADS));
        assertEquals("flag --port", loader.source(Setting.PORT));
        assertEquals("default", loader.source(Setting.DATA_DIR));
    }

    @Test
    void shouldIgnoreUnknownAndLauncherEnvironmentVariables() {
        Map<String, String> env = Map.of("AGENTBUS_PROT", "x", "AGENTBUS_HOME", "/opt", "AGENTBUS_OPTS", "-Xmx1g",
                "AGENTBUS_JAVA", "java", "PORT", "1");
        ConfigLoader loader = new ConfigLoader(env);

        assertEquals(7070, loader.load(List.of()).port());
        assertEquals(List.of("AGENTBUS_PROT (did you mean AGENTBUS_PORT?)"), loader.ignoredEnvironment());
    }

    @Test
    void shouldRejectUnknownKeyInFileWithLineAndSuggestion() throws IOException {
        String file = file("# settings", "prot=7071");

        String message = failure(NO_ENV, "--config", file);

        assertEquals(file + ":2: unknown setting 'prot' (did you mean port?)", message);
    }

    @Test
    void shouldSuggestKeyForFlagStyleNameInFile() throws IOException {
        String message = failure(NO_ENV, "--config", file("max-frame-bytes=2048"));

        assertTrue(message.endsWith(":1: unknown setting 'max-frame-bytes' (did you mean max.frame.bytes?)"), message);
    }

    @Test
    void shouldRejectUnknownKeyWithoutSuggestionWhenNothingIsClose() throws IOException {
        String message = failure(NO_ENV, "--config", file("colour=blue"));

        assertTrue(message.endsWith(":1: unknown setting 'colour'"), message);
    }

    @Test
    void shouldRejectLineWithoutEquals() throws IOException {
        String file = file("port=7071", "host 0.0.0.0");

        assertEquals(file + ":2: expected key=value, not 'host 0.0.0.0'", failure(NO_ENV, "--config", file));
    }

    @Test
    void shouldRejectLineWithoutKey() throws IOException {
        String file = file("=7071");

        assertEquals(file + ":1: expected key=value, not '=7071'", failure(NO_ENV, "--config", file));
    }

    @Test
    void shouldRejectNonNumericPortNamingSource() {
        assertEquals("port must be a whole number, not 'abc' (port from environment variable AGENTBUS_PORT)",
                failure(Map.of("AGENTBUS_PORT", "abc")));
    }

    @Test
    void shouldRejectNonNumericPortInFileNamingLine() throws IOException {
        String file = file("", "port=seventy");

        assertEquals("port must be a whole number, not 'seventy' (port from " + file + ":2)",
                failure(NO_ENV, "--config", file));
    }

    @Test
    void shouldBeASingleNodeUnlessClusterRedisIsGiven() {
        ServerConfig single = new ConfigLoader(NO_ENV).load(List.of());
        ServerConfig clustered = new ConfigLoader(NO_ENV).load(List.of("--cluster-redis", "redis://127.0.0.1:6390"));

        assertFalse(single.clustered());
        assertEquals("redis://127.0.0.1:6390", clustered.clusterRedis());
        assertEquals(2000, clustered.clusterTimeoutMs());
        assertEquals(100_000, clustered.clusterStreamMaxLength());
    }

    @Test
    void shouldRejectClusterRedisThatIsNotARedisUri() {
        assertEquals("cluster.redis must be none or a Redis URI like redis://127.0.0.1:6379, not 'localhost:6379': "
                        + "Scheme localhost not supported (cluster.redis from environment variable AGENTBUS_CLUSTER_REDIS)",
                failure(Map.of("AGENTBUS_CLUSTER_REDIS", "localhost:6379")));
    }

    @Test
    void shouldRejectClusterTimeoutBelowTenMilliseconds() {
        assertEquals("cluster.timeout.ms must be between 10 and 600000, not 5 (cluster.timeout.ms from flag "
                + "--cluster-timeout-ms)", failure(NO_ENV, "--cluster-timeout-ms", "5"));
    }

    @Test
    void shouldRejectOutOfRangePort() {
        assertEquals("port must be between 0 and 65535, not 70000 (port from flag --port)",
                failure(NO_ENV, "--port", "70000"));
    }

    @Test
    void shouldRejectANegativeRateAndAZeroRefusalCount() {
        assertEquals("rate.messages.per.client must be between 0 and 1000000000, not -5"
                + " (rate.messages.per.client from flag --rate-messages-per-client)",
                failure(NO_ENV, "--rate-messages-per-client=-5"));
        assertEquals("rate.refusals.before.close must be between 1 and 1000000, not 0"
                + " (rate.refusals.before.close from environment variable AGENTBUS_RATE_REFUSALS_BEFORE_CLOSE)",
                failure(Map.of("AGENTBUS_RATE_REFUSALS_BEFORE_CLOSE", "0")));
        assertEquals("rate.bytes.per.ip must be between 0 and 1000000000, not 2000000000"
                + " (rate.bytes.per.ip from flag --rate-bytes-per-ip)", failure(NO_ENV, "--rate-bytes-per-ip=2000000000"));
    }

    @Test
    void shouldDefaultToGenerousRatesWithAByteBurstOfTheLargestMessage() {
        RateLimits rates = load(NO_ENV).rateLimits();
        assertEquals(new Rate("rate.messages.per.client", 10_000, 10_000), rates.messagesPerClient());
        assertEquals(new Rate("rate.messages.per.ip", 100_000, 100_000), rates.messagesPerIp());
        assertEquals(new Rate("rate.connections.per.ip", 2_000, 2_000), rates.connectionsPerIp());
        assertEquals(32 << 20, rates.bytesPerClient().perSecond());
        assertEquals(32 << 20, rates.bytesPerClient().burst());

        Rate slow = load(NO_ENV, "--rate-bytes-per-ip", "1000").rateLimits().bytesPerIp();
        assertEquals(1000, slow.perSecond());
        assertEquals(ServerConfig.DEFAULT.maxWebSocketMessageBytes(), slow.burst());
        assertFalse(load(NO_ENV, "--rate-messages-per-ip", "0").rateLimits().messagesPerIp().on());
    }

    @Test
    void shouldRejectNegativeDedupWindow() {
        assertEquals("dedup.window.ms must be between 0 and 86400000, not -1"
                + " (dedup.window.ms from flag --dedup-window-ms)", failure(NO_ENV, "--dedup-window-ms=-1"));
    }

    @Test
    void shouldRejectNonNumericDedupWindowInFileNamingLine() throws IOException {
        String file = file("dedup.window.ms=5m");

        assertEquals("dedup.window.ms must be a whole number, not '5m' (dedup.window.ms from " + file + ":1)",
                failure(NO_ENV, "--config", file));
    }

    @Test
    void shouldRejectNonNumericDedupMaxIds() {
        assertEquals("dedup.max.ids must be a whole number, not 'lots'"
                + " (dedup.max.ids from environment variable AGENTBUS_DEDUP_MAX_IDS)",
                failure(Map.of("AGENTBUS_DEDUP_MAX_IDS", "lots")));
    }

    @Test
    void shouldRejectDedupMaxIdsBelowOne() {
        assertEquals("dedup.max.ids must be between 1 and 100000000, not 0 (dedup.max.ids from flag --dedup-max-ids)",
                failure(NO_ENV, "--dedup-max-ids", "0"));
    }

    @Test
    void shouldRejectNegativeDedupMaxIds() {
        assertEquals("dedup.max.ids must be between 1 and 100000000, not -5 (dedup.max.ids from flag --dedup-max-ids)",
                failure(NO_ENV, "--dedup-max-ids=-5"));
    }

    @Test
    void shouldRejectEmptyValueInFile() throws IOException {
        String file = file("host=");

        assertEquals("host has an empty value (from " + file + ":1)", failure(NO_ENV, "--config", file));
    }

    @Test
    void shouldRejectEmptyValueInEnvironment() {
        assertEquals("data.dir has an empty value (from environment variable AGENTBUS_DATA_DIR)",
                failure(Map.of("AGENTBUS_DATA_DIR", " ")));
    }

    @Test
    void shouldRejectEmptyFlagValue() {
        assertEquals("port has an empty value (from flag --port)", failure(NO_ENV, "--port="));
    }

    @Test
    void shouldRejectUnknownEnumChoice() {
        assertEquals("transport must be one of auto, epoll, nio, not 'kqueue' (transport from flag --transport)",
                failure(NO_ENV, "--transport", "kqueue"));
    }

    @Test
    void shouldNameBothSourcesOfConflictingSettings() {
        String message = failure(Map.of("AGENTBUS_WRITE_BUFFER_HIGH_BYTES", "4096"), "--write-buffer-low-bytes", "8192");

        assertEquals("write.buffer.low.bytes must be below write.buffer.high.bytes"
                + " (write.buffer.low.bytes from flag --write-buffer-low-bytes;"
                + " write.buffer.high.bytes from environment variable AGENTBUS_WRITE_BUFFER_HIGH_BYTES)", message);
    }

    @Test
    void shouldRejectMissingConfigFile() {
        Path missing = dir.resolve("missing.conf");

        assertEquals("config file " + missing + " does not exist (from flag --config)",
                failure(NO_ENV, "--config", missing.toString()));
    }

    @Test
    void shouldRejectConfigPathThatIsADirectory() {
        assertEquals("config file " + dir + " is a directory, not a file (from flag --config)",
                failure(NO_ENV, "--config", dir.toString()));
    }

    @Test
    void shouldRejectConfigFileThatIsNotText() throws IOException {
        Path binary = Files.write(dir.resolve("binary.conf"), new byte[] {(byte) 0xC3, (byte) 0x28});

        assertEquals("config file " + binary + " is not UTF-8 text", failure(NO_ENV, "--config", binary.toString()));
    }

    @Test
    void shouldRejectFlagWithoutValue() {
        assertEquals("flag --port needs a value, e.g. --port VALUE or --port=VALUE", failure(NO_ENV, "--port"));
    }

    @Test
    void shouldRejectFlagFollowedByAnotherFlag() {
        assertEquals("flag --port needs a value, e.g. --port VALUE or --port=VALUE",
                failure(NO_ENV, "--port", "--host", "0.0.0.0"));
    }

    @Test
    void shouldRejectConfigFlagWithoutFile() {
        assertEquals("flag --config needs a value, e.g. --config VALUE or --config=VALUE", failure(NO_ENV, "--config"));
    }

    @Test
    void shouldRejectUnknownFlagWithSuggestion() {
        assertEquals("unknown flag --prot (did you mean --port?)", failure(NO_ENV, "--prot", "7071"));
    }

    @Test
    void shouldRejectUnknownFlagGivenWithEquals() {
        assertEquals("unknown flag --data-directory", failure(NO_ENV, "--data-directory=/tmp"));
    }

    @Test
    void shouldRejectPositionalArgument() {
        assertEquals("unexpected argument '7071'; settings are given as --flag VALUE", failure(NO_ENV, "7071"));
    }

    private ServerConfig load(Map<String, String> env, String... args) {
        return new ConfigLoader(env).load(List.of(args));
    }

    private String failure(Map<String, String> env, String... args) {
        return assertThrows(ConfigException.class, () -> load(env, args)).getMessage();
    }

    private String file(String... lines) throws IOException {
        return Files.write(dir.resolve("agentbus.conf"), List.of(lines)).toString();
    }
}
