package io.agentbus.client.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.Pub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentbus send}: publishes TEXT, or each line of standard input, into a room. */
@Command(name = "send", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Publish a message, or each line of standard input, into a room.",
        description = {
            "Publishes a message into a room and prints its offset. The body is {\"text\": TEXT}, or with",
            "--json TEXT itself. With - as TEXT it publishes each non-empty line of standard input as one",
            "message, in order, without waiting for each acknowledgement, and prints one offset per line.",
        },
        footerHeading = "%nExamples:%n", footer = {
            "  agentbus send --room build-42 \"tests are green\"",
            "  agentbus send --room build-42 --priority high --type status --json '{\"build\":42,\"ok\":true}'",
            "  make test 2>&1 | agentbus send --room build-42 -",
            "  agentbus send --room build-42 -- \"-1 failing test\"    (a TEXT that starts with '-')",
        })
final class SendCommand implements Callable<Integer> {
    private static final String STDIN = "-";

    private final StandardStreams streams;

    @Spec
    private CommandSpec spec;

    @Option(names = "--room", required = true, paramLabel = "ROOM", converter = IdArgument.class,
            description = "the room to publish into (created if it does not exist)")
    private String room;

    @Option(names = "--priority", paramLabel = "PRIORITY", converter = PriorityArgument.class, defaultValue = "normal",
            description = "critical, high, normal or low (default: normal)")
    private Priority priority;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = Pub.DEFAULT_TYPE,
            description = "the message type, 1 to 64 characters (default: " + Pub.DEFAULT_TYPE + ")")
    private String type;

    @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = Pub.DEFAULT_CHANNEL,
            description = "the channel within the room, 1 to 64 characters (default: " + Pub.DEFAULT_CHANNEL + ")")
    private String channel;

    @Option(names = "--json", description = "TEXT (or each line) is the JSON body itself")
    private boolean json;

    @Parameters(index = "0", paramLabel = "TEXT|-", description = "the text to publish, or - for standard input")
    private String text;

    @Mixin
    private CommonOptions common;

    SendCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        checkLabels();
        Message first = STDIN.equals(text) ? null : messageOf(text, null);
        try (AgentBusClient client = common.connect(common.clientBuilder())) {
            OrderedPublisher publisher = new OrderedPublisher(client, room, streams.out());
            if (first != null) {
                publisher.publish(first, null);
            } else {
                publishLines(publisher);
            }
            return exitCode(publisher.awaitAll());
        }
    }

    private void publishLines(OrderedPublisher publisher) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8));
        long lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null && !publisher.failed(); line = lines.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    String source = "line " + lineNumber + " of standard input";
                    publisher.publish(messageOf(line, source), source);
                }
            }
        } catch (IOException e) {
            publisher.awaitAll();
            throw new CommandException(ExitCode.INPUT_OUTPUT, "cannot read standard input: " + e.getMessage());
        } catch (CommandException badLine) {
            publisher.awaitAll();
            throw badLine;
        }
    }

    /**
     * The message for {@code body}, from TEXT ({@code source} {@code null}) or a line of standard
     * input; a body that is not JSON under {@code --json} is a usage error, reported on one line
     * (jackson's message has a second one, its location in the source).
     */
    private Message messageOf(String body, String source) {
        Message message;
        try {
            message = json ? Message.json(body) : Message.text(body);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().lines().findFirst().orElse("");
            if (source == null) {
                throw new ParameterException(spec.commandLine(), "TEXT: " + why);
            }
            throw new CommandException(ExitCode.USAGE, source + ": " + why + "; it and the lines after it were not"
                    + " published");
        }
        return message.type(type).channel(channel).priority(priority);
    }

    private void checkLabels() {
        try {
            Message.text("").type(type).channel(channel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int exitCode(OrderedPublisher.PublishFailure failure) {
        if (failure == null) {
            return ExitCode.OK;
        }
        Failure f = Failure.of(failure.cause());
        if (f == null) {
            throw new IllegalStateException("publishing failed unexpectedly", failure.cause());
        }
        f.report(streams.err(), failure.source());
        return f.exitCode();
    }
}
