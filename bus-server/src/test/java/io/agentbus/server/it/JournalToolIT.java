package io.agentbus.server.it;

import static io.agentbus.server.it.ServerFrames.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.Ok;
import io.agentbus.server.Main;
import io.agentbus.server.config.JournalRollCycle;
import io.agentbus.server.config.Setting;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentbus journal dump} and {@code verify} (run in-process through {@link Main}) on
 * journals the daemon wrote: every kind of entry as a JSON line, the filters, a clean verify, a
 * torn last entry, a gap, retention's snapshots, bad command lines and a missing journal.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JournalToolIT {
    private static final String TORN = "last-entry-torn-by-the-test";

    @TempDir
    Path dir;

    @Test
    void shouldDumpRoomsDirectMessagesAndDecisionsAsJsonLinesAndFilterThem() throws Exception {
        writeTeamWork();
        List<String> all = dumped(tool("dump"));
        assertTrue(all.stream().allMatch(l -> l.matches("\\{\"index\":\"0x[0-9a-f]+\",\"cycle\":\\d+,\"kind\":.*}")),
                "JSON lines with index, cycle and kind: " + all);
        List<String> kinds = all.stream().map(JournalToolIT::kind).distinct().toList();
        assertTrue(kinds.containsAll(List.of("member_joined", "room_message", "direct_message",
                "decision_opened", "vote_cast", "decision_closed", "inbox_cursor")), "kinds: " + kinds);
        assertTrue(all.contains(lineOf(all, "direct_message")), "a direct message: " + all);
        assertTrue(lineOf(all, "direct_message").endsWith("\"to\":\"bob\",\"offset\":1,\"ts\":"
                + field(lineOf(all, "direct_message"), "ts") + ",\"frame\":" + frameOf(lineOf(all, "direct_message")) + "}"));
        assertTrue(frameOf(lineOf(all, "direct_message")).contains("\"body\":\"read me later\""), all.toString());

        List<String> build = dumped(tool("dump", "--room", "build"));
        assertTrue(build.stream().allMatch(l -> l.contains(",\"room\":\"build\",")), "room build only: " + build);
        assertEquals(List.of("1", "2", "3"), offsets(build, "room_message").subList(0, 3), build.toString());
        assertTrue(build.stream().anyMatch(l -> kind(l).equals("decision_opened")), build.toString());

        List<String> since = dumped(tool("dump", "--room", "build", "--since", "2"));
        assertTrue(since.stream().allMatch(l -> kind(l).equals("room_message")), "messages only: " + since);
        assertEquals("3", offsets(since, "room_message").get(0), since.toString());
        assertTrue(frameOf(since.get(0)).contains("\"body\":{\"text\":\"build-3\"}"), since.toString());
        assertEquals(offsets(build, "room_message").size() - 2, since.size(), since.toString());

        Result verify = tool("verify");
        assertEquals(0, verify.status(), verify.toString());
        assertEquals(List.of("journal: " + dir.resolve("data/journal").toAbsolutePath(), "entries: " + all.size()
                + " in 1 file", "rooms: 2", "inboxes: 1", "problems: 0"), verify.out().lines().toList());
    }

    @Test
    void shouldReportATornLastEntryAndDumpItAsCorrupt() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data")); WsClient writer = server.hello("writer")) {
            publish(writer, "torn", "first", "second", TORN);
        }
        tearLastEntry();

        Result verify = tool("verify");
        assertEquals(1, verify.status(), verify.toString());
        assertTrue(verify.out().contains("problems: 1\n"), verify.out());
        assertTrue(verify.out().contains(": the entry cannot be decoded: "), verify.out());

        List<String> dump = dumped(tool("dump", "--room", "torn"));
        assertEquals(List.of("1", "2"), offsets(dump, "room_message"), dump.toString());
        String last = dump.get(dump.size() - 1);
        assertTrue(last.matches("\\{\"index\":\"0x[0-9a-f]+\",\"cycle\":\\d+,\"kind\":\"corrupt\",\"error\":\".+\"}"),
                last);
    }

    @Test
    void shouldReportAGapInARoomAndExit1() throws Exception {
        Path journalDir = Files.createDirectories(dir.resolve("data/journal"));
        try (Journal journal = new Journal(journalDir, JournalRollCycle.DAILY)) {
            for (long offset : new long[] {1, 2, 4, 5}) {
                journal.append(new RoomMessage("gappy", offset, offset, "{\"op\":\"msg\"}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        Result verify = tool("verify");
        assertEquals(1, verify.status(), verify.toString());
        assertTrue(verify.out().matches("(?s).*problems: 1\n  0x[0-9a-f]+: room \"gappy\": offset 4 follows 2 "
                + "\\(offset 3 missing\\)\n"), verify.out());
    }

    @Test
    void shouldAcceptAJournalWhoseOldestFilesRetentionDeleted() throws Exception {
        Map<Setting, Object> settings = Map.of(Setting.ROLL_CYCLE, "secondly", Setting.RETENTION_CYCLES, 2);
        try (TestServer server = TestServer.start(dir.resolve("data"), settings);
             WsClient alice = server.hello("alice")) {
            alice.send("{\"op\":\"send\",\"rid\":\"s\",\"to\":\"bob\",\"body\":\"read me later\"}");
            parse(alice.reply("s"), Ok.class);
            Path first = cycleFiles().get(0);
            for (int i = 1; Files.exists(first); i++) {
                assertTrue(i < 2_000, first + " was not deleted");
                publish(alice, "kept", "m" + i);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        List<String> dump = dumped(tool("dump"));
        assertEquals("room_mark", kind(dump.get(0)), "the oldest file kept starts with a snapshot: " + dump.get(0));
        assertTrue(Long.parseLong(offsets(dump, "room_message").get(0)) > 1, "retention deleted the first messages");
        assertTrue(offsets(dump, "direct_message").contains("1"), "the unread direct message was carried: " + dump);

        Result verify = tool("verify");
        assertEquals(0, verify.status(), verify.toString());
        assertTrue(verify.out().contains("problems: 0"), verify.out());
    }

    @Test
    void shouldRefuseABadCommandLineWith64AndSayWhy() {
        assertUsage(tool("dump", "--since", "soon"), "agentbus journal dump: flag --since needs a whole number, got 'soon'");
        assertUsage(tool("dump", "--since", "-1"), "agentbus journal dump: --since must be 0 or more, got -1");
        assertUsage(tool("dump", "--room"), "agentbus journal dump: flag --room needs a value");
        assertUsage(tool("verify", "--room", "x"), "agentbus journal verify: unknown flag --room");
        assertUsage(tool("check"), "agentbus journal: unknown command 'check'; the commands are dump and verify");
        Result bare = run("journal");
        assertEquals(64, bare.status(), bare.toString());
        assertTrue(bare.err().startsWith("Usage: agentbus journal (dump | verify)"), bare.err());
    }

    @Test
    void shouldExit66AndCreateNothingWithoutAJournal() throws Exception {
        Path missing = dir.resolve("missing");
        for (String command : List.of("dump", "verify")) {
            Result result = run("journal", command, "--data-dir", missing.toString());
            assertEquals(66, result.status(), result.toString());
            assertEquals("agentbus journal " + command + ": no journal directory " + missing.resolve("journal") + "\n",
                    result.err());
            assertEquals("", result.out());
        }
        assertFalse(Files.exists(missing), "the tools created " + missing);

        Path empty = Files.createDirectories(dir.resolve("empty/journal"));
        Result result = run("journal", "verify", "--data-dir", dir.resolve("empty").toString());
        assertEquals(66, result.status(), result.toString());
        assertTrue(result.err().contains(" holds no journal (no metadata.cq4t)"), result.err());
        try (Stream<Path> files = Files.list(empty)) {
            assertEquals(List.of(), files.toList(), "the tools wrote into an empty journal directory");
        }
    }

    /** Two rooms with members and messages, a direct message and a decision voted through. */
    private void writeTeamWork() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data")); WsClient alice = server.hello("alice")) {
            join(alice, "build");
            join(alice, "review");
            publish(alice, "build", "build-1", "build-2", "build-3");
            publish(alice, "review", "review-1");
            alice.send("{\"op\":\"send\",\"rid\":\"dm\",\"to\":\"bob\",\"body\":\"read me later\"}");
            parse(alice.reply("dm"), Ok.class);
            alice.send("{\"op\":\"propose\",\"rid\":\"p\",\"room\":\"build\",\"title\":\"Ship it\",\"rule\":\"majority\"}");
            String decision = parse(alice.reply("p"), Ok.class).decision();
            alice.send("{\"op\":\"vote\",\"rid\":\"v\",\"room\":\"build\",\"decision\":\"" + decision
                    + "\",\"choice\":\"yes\"}");
            parse(alice.reply("v"), Ok.class);
            publish(alice, "build", "build-after-vote");
            try (WsClient bob = server.hello("bob")) {
                assertTrue(bob.next().contains("read me later"), "bob reads his direct message");
                publish(bob, "review", "review-2");
            }
        }
    }

    private static void join(WsClient client, String room) {
        client.send("{\"op\":\"join\",\"rid\":\"j-" + room + "\",\"room\":\"" + room + "\",\"role\":\"lead\"}");
        parse(client.reply("j-" + room), Ok.class);
    }

    private static void publish(WsClient client, String room, String... texts) {
        for (String text : texts) {
            String rid = "p-" + text;
            client.send("{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\",\"body\":{\"text\":\""
                    + text + "\"}}");
            parse(client.reply(rid), Ok.class);
        }
    }

    /** Zeroes the torn message's text in the newest journal file: its frame holds NULs now. */
    private void tearLastEntry() throws IOException {
        Path newest = cycleFiles().get(cycleFiles().size() - 1);
        byte[] bytes = Files.readAllBytes(newest);
        byte[] marker = TORN.getBytes(StandardCharsets.UTF_8);
        int at = -1;
        for (int i = bytes.length - marker.length; i >= 0 && at < 0; i--) {
            at = Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length) ? i : -1;
        }
        assertTrue(at > 0, "the last message is not in " + newest);
        try (RandomAccessFile file = new RandomAccessFile(newest.toFile(), "rw")) {
            file.seek(at);
            file.write(new byte[marker.length]);
        }
    }

    private List<Path> cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data/journal"))) {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    private static void assertUsage(Result result, String message) {
        assertEquals(64, result.status(), result.toString());
        assertTrue(result.err().startsWith(message + "; see '"), result.err());
        assertEquals("", result.out());
    }

    private Result tool(String... args) {
        List<String> command = new ArrayList<>(List.of("journal"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return run(command.toArray(new String[0]));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    private static List<String> dumped(Result dump) {
        assertEquals(0, dump.status(), dump.toString());
        assertEquals("", dump.err());
        return dump.out().lines().toList();
    }

    private static String kind(String line) {
        return field(line, "kind").replace("\"", "");
    }

    private static String lineOf(List<String> lines, String kind) {
        return lines.stream().filter(l -> kind(l).equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + lines));
    }

    /** The offsets of the entries of this kind, in order. */
    private static List<String> offsets(List<String> lines, String kind) {
        return lines.stream().filter(l -> kind(l).equals(kind)).map(l -> field(l, "offset")).toList();
    }

    /** A scalar field's JSON text (the entry's own fields come before its frame). */
    private static String field(String line, String name) {
        int start = line.indexOf("\"" + name + "\":") + name.length() + 3;
        assertTrue(start >= name.length() + 3, "no " + name + " in " + line);
        int end = start;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '}') {
            end++;
        }
        return line.substring(start, end);
    }

    private static String frameOf(String line) {
        int start = line.indexOf(",\"frame\":") + ",\"frame\":".length();
        assertTrue(start >= ",\"frame\":".length(), "no frame in " + line);
        return line.substring(start, line.length() - 1);
    }

    private record Result(int status, String out, String err) {
    }
}
