package io.agentbus.client.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.History;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.protocol.frame.HistoryRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agentbus history}: prints a room's stored messages, page by page, and exits. */
@Command(name = "history", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Print a room's stored messages.",
        description = {
            "Prints a room's stored messages in offset order, one line each, and exits:",
            "  [ROOM #OFFSET HH:mm:ss PRIORITY] FROM (TYPE): TEXT",
            "TEXT is the body's \"text\" field, else the body's JSON; with --json each line is the whole",
            "message as a JSON object. Reading history needs no membership of the room.",
        },
        footerHeading = "%nExamples:%n", footer = {
            "  agentbus history --room build-42",
            "  agentbus history --room build-42 --since 120 --limit 20",
            "  agentbus history --room build-42 --json | jq -r .body.text",
        })
final class HistoryCommand implements Callable<Integer> {
    private final StandardStreams streams;

    @Option(names = "--room", required = true, paramLabel = "ROOM", converter = IdArgument.class,
            description = "the room to read (it must exist)")
    private String room;

    @Option(names = "--since", paramLabel = "OFFSET", converter = OffsetArgument.class, defaultValue = "0",
            description = "print the messages after this offset (default: 0, from the first)")
    private long since;

    @Option(names = "--limit", paramLabel = "N", converter = LimitArgument.class,
            description = "print at most N messages (default: all)")
    private Long limit;

    @Option(names = "--json", description = "print each message as one JSON object")
    private boolean json;

    @Mixin
    private CommonOptions common;

    HistoryCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        try (AgentBusClient client = common.connect(common.clientBuilder())) {
            printAll(client, LineFormat.of(json));
        }
        return ExitCode.OK;
    }

    /** Asks for pages of up to 1000 messages while the room has more and the limit allows. */
    private void printAll(AgentBusClient client, LineFormat format) {
        long after = since;
        long remaining = limit == null ? Long.MAX_VALUE : limit;
        while (remaining > 0) {
            History page = client.history(room, after, (int) Math.min(HistoryRequest.MAX_LIMIT, remaining)).join();
            List<ReceivedMessage> messages = page.messages();
            print(messages, format);
            if (!page.more() || messages.isEmpty()) {
                return;
            }
            remaining -= messages.size();
            after = messages.get(messages.size() - 1).offset();
        }
    }

    private void print(List<ReceivedMessage> messages, LineFormat format) {
        PrintStream out = streams.out();
        for (ReceivedMessage m : messages) {
            out.println(format.format(m));
        }
        out.flush();
    }
}
