package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the disk-trouble tests share: publishing into one room, reading it back, system commands. */
final class DiskTrouble {
    private DiskTrouble() {
    }

    static String pub(String room, String rid, String body) {
        return "{\"op\":\"pub\",\"rid\":\"" + rid + "\",\"room\":\"" + room + "\",\"body\":" + body + "}";
    }

    /** Publishes one message at a time until one is acknowledged; returns its offset. */
    static long publishUntilAccepted(WsClient publisher, String room, String body) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            publisher.send(pub(room, "again-" + attempt, body));
            if (ServerFrames.parse(publisher.reply("again-" + attempt)) instanceof Ok ok) {
                return ok.offset();
            }
        }
        throw new AssertionError("publishes still refused after " + WsClient.TIMEOUT);
    }

    /** Every offset in the room's history, in order. */
    static List<Long> storedOffsets(WsClient reader, String room) {
        List<Long> offsets = new ArrayList<>();
        HistoryReply page;
        do {
            long since = offsets.isEmpty() ? 0 : offsets.get(offsets.size() - 1);
            reader.send("{\"op\":\"history\",\"rid\":\"h" + since + "\",\"room\":\"" + room + "\",\"since\":" + since
                    + ",\"limit\":1000}");
            page = ServerFrames.parse(reader.reply("h" + since), HistoryReply.class);
            for (Msg msg : page.messages()) {
                offsets.add(msg.offset());
            }
        } while (page.more());
        return offsets;
    }

    static String health(int port) throws Exception {
        return Daemon.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Runs a system command (mount, chattr…) and returns its exit status. */
    static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return process.exitValue();
    }
}
