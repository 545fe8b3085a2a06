package io.agentbus.client.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.ReceivedMessage;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agentbus tail}: joins a room and prints its messages as they arrive, until stopped. */
@Command(name = "tail", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Follow a room: print its messages as they arrive.",
        description = {
            "Joins a room (with role observer) and prints each message as it arrives, one line each, until",
            "Ctrl-C or SIGTERM, which exit with status 0:",
            "  [ROOM #OFFSET HH:mm:ss PRIORITY] FROM (TYPE): TEXT",
            "TEXT is the body's \"text\" field, else the body's JSON; with --json each line is the whole",
            "message as a JSON object. stderr says when the room is joined, and when the connection drops",
            "and comes back: the client reconnects by itself, resumes after the last message printed, and",
            "never prints an offset twice.",
        },
        footerHeading = "%nExamples:%n", footer = {
            "  agentbus tail --room build-42",
            "  agentbus tail --room build-42 --since 0          (the whole history first)",
            "  agentbus tail --room build-42 --json | jq -r .body.text",
        })
final class TailCommand implements Callable<Integer> {
    private static final String ROLE = "observer";

    private final StandardStreams streams;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    @Option(names = "--room", required = true, paramLabel = "ROOM", converter = IdArgument.class,
            description = "the room to follow (created if it does not exist)")
    private String room;

    @Option(names = "--since", paramLabel = "OFFSET", converter = OffsetArgument.class,
            description = "first print the stored messages after this offset (default: only new ones)")
    private Long since;

    @Option(names = "--json", description = "print each message as one JSON object")
    private boolean json;

    @Mixin
    private CommonOptions common;

    TailCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LineFormat format = LineFormat.of(json);
        ConnectionReporter reporter = new ConnectionReporter(streams.err(), ended);
        AgentBusClient.Builder builder = common.clientBuilder()
                .onConnectionChange(reporter)
                .onMessage(m -> print(format, m));
        try (AgentBusClient client = common.connect(builder)) {
            ExitOnSignal signal = new ExitOnSignal(() -> stop(reporter, client));
            try {
                return follow(client);
            } finally {
                signal.remove();
                reporter.stopping();
            }
        }
    }

    /** Joins the room, then waits until the tail ends: only a refusal or a closed stdout end it. */
    private int follow(AgentBusClient client) {
        Joined joined = client.join(room, joinOptions()).join();
        streams.err().println("agentbus: joined " + room + " (last offset " + joined.lastOffset()
                + "); Ctrl-C to stop");
        return ended.join();
    }

    private JoinOptions joinOptions() {
        JoinOptions options = JoinOptions.DEFAULT.role(ROLE);
        return since == null ? options : options.since(since);
    }

    /** Prints one line; when stdout is gone (e.g. {@code | head -1} ended), tail ends too. */
    private void print(LineFormat format, ReceivedMessage message) {
        PrintStream out = streams.out();
        out.println(format.format(message));
        out.flush();
        if (out.checkError()) {
            ended.complete(ExitCode.OK);
        }
    }

    private void stop(ConnectionReporter reporter, AgentBusClient client) {
        reporter.stopping();
        client.close();
        streams.out().flush();
    }
}
