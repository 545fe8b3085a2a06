package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.History;
import io.agentbus.client.Message;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.client.it.LiveServer;
import io.agentbus.client.it.Received;
import io.agentbus.protocol.Priority;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line client run in-process against the real daemon: what it prints and how it exits. */
class CliIT {
    private static final String CLIENT = "cli-it";
    private static final Pattern TEXT_LINE =
            Pattern.compile("\\[(\\S+) #(\\d+) \\d\\d:\\d\\d:\\d\\d (\\w+)] (\\S+) \\((\\S+)\\): (.*)");

    @TempDir
    static Path dataDir;
    static LiveServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** {@code args} followed by the options that reach the test server. */
    static String[] against(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", server.uri().toString(), "--client", CLIENT));
        return all.toArray(String[]::new);
    }

    static List<ReceivedMessage> history(String room) throws Exception {
        try (AgentBusClient reader = AgentBusClient.builder(server.uri(), "cli-it-reader").connect()) {
            History page = reader.history(room, 0, 1000).get(10, TimeUnit.SECONDS);
            return page.messages();
        }
    }

    static void publish(String room, Message... messages) throws Exception {
        try (AgentBusClient writer = AgentBusClient.builder(server.uri(), "cli-it-writer").connect()) {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Message m : messages) {
                acks.add(writer.publish(room, m));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
    }

    static int portNobodyListensOn() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldPublishTextAndPrintItsOffset() throws Exception {
        CliRun run = CliRun.of(against("send", "--room", "send-one", "tests are green"));

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("1"), run.outLines(), run.toString());
        assertEquals("", run.err());
        List<ReceivedMessage> stored = history("send-one");
        assertEquals(List.of("tests are green"), Received.texts(stored));
        assertEquals(CLIENT, stored.get(0).from());
        assertEquals("message", stored.get(0).type());
        assertEquals(Priority.NORMAL, stored.get(0).priority());
    }

    @Test
    void shouldPublishEachNonEmptyLineOfStandardInputInOrder() throws Exception {
        CliRun run = CliRun.withInput("one\n\ntwo\n   \nthree\n", against("send", "--room", "send-stdin", "-"));

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("1", "2", "3"), run.outLines(), run.toString());
        assertEquals(List.of("one", "two", "three"), Received.texts(history("send-stdin")));
    }

    @Test
    void shouldPublishAJsonBodyWithTypeChannelAndPriority() throws Exception {
        CliRun run = CliRun.of(against("send", "--room", "send-json", "--json", "--type", "status", "--channel", "ci",
                "--priority", "HIGH", "{\"build\":42,\"ok\":true}"));

        assertEquals(0, run.exitCode(), run.toString());
        ReceivedMessage stored = history("send-json").get(0);
        assertEquals("{\"build\":42,\"ok\":true}", stored.bodyJson());
        assertEquals("status", stored.type());
        assertEquals("ci", stored.channel());
        assertEquals(Priority.HIGH, stored.priority());
    }

    /** A body that is not JSON is the user's mistake, found before anything is sent: a usage error (64). */
    @Test
    void shouldRefuseABodyThatIsNotJsonAsAUsageErrorAndPublishNothing() {
        CliRun run = CliRun.of(against("send", "--room", "send-bad-json", "--json", "{\"build\":"));

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.errLines().get(0).startsWith("agentbus send: TEXT: body is not valid JSON"), run.toString());
        CliRun history = CliRun.of(against("history", "--room", "send-bad-json"));
        assertEquals(ExitCode.REFUSED, history.exitCode(), "the room must not exist: " + history);
    }

    @Test
    void shouldStopAtTheFirstLineThatIsNotJsonAfterPublishingTheLinesBeforeIt() throws Exception {
        CliRun run = CliRun.withInput("{\"n\":1}\nnot json\n{\"n\":3}\n",
                against("send", "--room", "send-bad-line", "--json", "-"));

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals(List.of("1"), run.outLines(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("agentbus: line 2 of standard input: body is not valid JSON"), run.toString());
        assertEquals(1, history("send-bad-line").size());
    }

    @Test
    void shouldReportTheServersRefusalOfAMessageWithExitStatus1() {
        String tooLarge = "x".repeat(1_100_000);

        CliRun run = CliRun.of(against("send", "--room", "send-too-large", tooLarge));

        assertEquals(ExitCode.REFUSED, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("agentbus: too_large: "), run.toString());
    }

    @Test
    void shouldPrintHistoryInOffsetOrderOneLineEach() throws Exception {
        publish("history-lines", Message.text("one"), Message.json("{\"n\":2}").type("status"),
                Message.text("three\nlines\u001b[31m").priority(Priority.HIGH));

        CliRun run = CliRun.of(against("history", "--room", "history-lines"));

        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.toString());
        assertLine(lines.get(0), "history-lines", 1, "normal", "cli-it-writer", "message", "one");
        assertLine(lines.get(1), "history-lines", 2, "normal", "cli-it-writer", "status", "{\"n\":2}");
        assertLine(lines.get(2), "history-lines", 3, "high", "cli-it-writer", "message", "three\\nlines\\u001b[31m");
    }

    @Test
    void shouldPageThroughLongHistoryFromSinceUpToLimit() throws Exception {
        Message[] messages = new Message[1500];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = Message.text("m" + (i + 1));
        }
        publish("history-pages", messages);

        CliRun all = CliRun.of(against("history", "--room", "history-pages"));
        CliRun window = CliRun.of(against("history", "--room", "history-pages", "--since", "100", "--limit", "1200"));

        assertEquals(0, all.exitCode(), all.err());
        assertEquals(1500, all.outLines().size());
        assertEquals(0, window.exitCode(), window.err());
        List<String> lines = window.outLines();
        assertEquals(1200, lines.size());
        assertLine(lines.get(0), "history-pages", 101, "normal", "cli-it-writer", "message", "m101");
        assertLine(lines.get(1199), "history-pages", 1300, "normal", "cli-it-writer", "message", "m1300");
    }

    @Test
    void shouldPrintHistoryAsOneJsonObjectPerLine() throws Exception {
        publish("history-json", Message.json("{\"build\":42}").type("status").channel("ci").id("req-7"));

        CliRun run = CliRun.of(against("history", "--room", "history-json", "--json"));

        assertEquals(0, run.exitCode(), run.toString());
        String line = run.outLines().get(0);
        assertTrue(Pattern.matches("\\{\"room\":\"history-json\",\"offset\":1,\"from\":\"cli-it-writer\","
                + "\"channel\":\"ci\",\"type\":\"status\",\"priority\":\"normal\",\"ts\":\\d+,\"id\":\"req-7\","
                + "\"body\":\\{\"build\":42}}", line), line);
    }

    @Test
    void shouldExitWithNotFoundForTheHistoryOfAnUnknownRoom() {
        CliRun run = CliRun.of(against("history", "--room", "no-such-room"));

        assertEquals(ExitCode.REFUSED, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("agentbus: not_found: room 'no-such-room' does not exist\n", run.err());
    }

    @Test
    void shouldListRoomsAsATableAndAsJson() throws Exception {
        publish("rooms-listed", Message.text("a"), Message.text("b"));

        CliRun table = CliRun.of(against("rooms"));
        CliRun json = CliRun.of(against("rooms", "--json"));

        assertEquals(0, table.exitCode(), table.toString());
        assertTrue(Pattern.matches("ROOM +LAST_OFFSET +MEMBERS +DECISIONS", table.outLines().get(0)), table.out());
        assertTrue(table.outLines().stream().anyMatch(l -> Pattern.matches("rooms-listed +2 +0 +0", l)), table.out());
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().startsWith("{\"rooms\":["), json.out());
        assertTrue(json.out().contains("{\"room\":\"rooms-listed\",\"first_offset\":1,\"last_offset\":2,\"members\":0,\"decisions\":0}"),
                json.out());
    }

    @Test
    void shouldExitWith2AndOneLineWhenNoServerListens() throws Exception {
        String url = "ws://127.0.0.1:" + portNobodyListensOn() + "/ws";

        CliRun send = CliRun.of("send", "--room", "r", "--url", url, "--timeout", "1", "hello");
        CliRun rooms = CliRun.of("rooms", "--url", url, "--timeout", "1");

        assertEquals(ExitCode.CANNOT_CONNECT, send.exitCode(), send.toString());
        assertEquals(List.of("agentbus: cannot connect to " + url + ": Connection refused"), send.errLines());
        assertEquals("", send.out());
        assertEquals(ExitCode.CANNOT_CONNECT, rooms.exitCode(), rooms.toString());
        assertEquals(1, rooms.errLines().size(), rooms.toString());
        assertTrue(rooms.err().startsWith("agentbus: cannot connect to http://127.0.0.1:"), rooms.toString());
    }

    @Test
    void shouldExitWith64AndTheUsageWhenTheRoomIsMissing() {
        CliRun run = CliRun.of(against("send", "hello"));

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("agentbus send: Missing required option: '--room=ROOM'", run.errLines().get(0));
        assertTrue(run.err().contains("Usage: agentbus send"), run.err());
    }

    @Test
    void shouldExitWith64ForBadOptionValues() {
        CliRun priority = CliRun.of(against("send", "--room", "r", "--priority", "urgent", "x"));
        CliRun room = CliRun.of(against("tail", "--room", "no spaces"));
        CliRun limit = CliRun.of(against("history", "--room", "r", "--limit", "0"));
        CliRun url = CliRun.of("rooms", "--url", "http://127.0.0.1:7070/");
        CliRun command = CliRun.of("sned");
        CliRun none = CliRun.of();

        for (CliRun run : List.of(priority, room, limit, url, command, none)) {
            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Usage: agentbus"), run.toString());
        }
        assertTrue(priority.err().contains("'urgent' is not one of critical, high, normal, low"), priority.err());
        assertEquals("agentbus: unknown command 'sned'", command.errLines().get(0));
    }

    @Test
    void shouldPublishThroughTheNextNodeOfAUrlListWhenTheFirstRefuses() throws Exception {
        String urls = "ws://127.0.0.1:" + portNobodyListensOn() + "/ws," + server.uri();

        CliRun run = CliRun.of("send", "--room", "send-list", "--url", urls, "--client", CLIENT, "via the second");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("1"), run.outLines(), run.toString());
        assertEquals(List.of("via the second"), Received.texts(history("send-list")));
    }

    @Test
    void shouldExitWith64NamingTheFaultyEntryOfAMalformedUrlList() {
        CliRun empty = CliRun.of("tail", "--room", "r", "--url", "ws://127.0.0.1:1/ws,,ws://127.0.0.1:2/ws");
        CliRun notWs = CliRun.of("send", "--room", "r", "--url", "ws://127.0.0.1:1/ws,http://127.0.0.1:2/", "x");
        CliRun twice = CliRun.of("send", "--room", "r", "--url", "ws://127.0.0.1:1/ws,ws://127.0.0.1:1/ws", "x");

        for (CliRun run : List.of(empty, notWs, twice)) {
            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Usage: agentbus"), run.toString());
        }
        assertTrue(empty.err().contains("entry 2 of the URL list 'ws://127.0.0.1:1/ws,,ws://127.0.0.1:2/ws' is empty"),
                empty.err());
        assertTrue(notWs.err().contains("'http://127.0.0.1:2/' is not a ws:// URL"), notWs.err());
        assertTrue(twice.err().contains("the server URI ws://127.0.0.1:1/ws is listed twice"), twice.err());
    }

    @Test
    void shouldPrintHelpAndVersion() {
        for (String command : List.of("send", "tail", "history", "rooms")) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.exitCode(), help.toString());
            assertTrue(help.out().contains("Usage: agentbus " + command), help.out());
            assertTrue(help.out().contains("Examples:"), help.out());
            assertTrue(help.out().contains("Exit status:"), help.out());
        }
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("agentbus client "), version.out());
        assertFalse(CliRun.of("--help").out().isEmpty());
    }

    private static void assertLine(String line, String room, long offset, String priority, String from, String type,
                                   String text) {
        var m = TEXT_LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(List.of(room, Long.toString(offset), priority, from, type, text),
                List.of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)), line);
    }
}
