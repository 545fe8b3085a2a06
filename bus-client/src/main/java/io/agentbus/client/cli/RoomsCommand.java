package io.agentbus.client.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code agentbus rooms}: lists the server's rooms, from its REST endpoint {@code GET /api/v1/rooms}. */
@Command(name = "rooms", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "List the server's rooms.",
        description = {
            "Lists the server's rooms, ordered by id: ROOM  LAST_OFFSET  MEMBERS  DECISIONS. MEMBERS counts",
            "the live member connections, DECISIONS the decisions ever proposed. Asks GET /api/v1/rooms over",
            "HTTP, on the host and port of --url (its first URL).",
        },
        footerHeading = "%nExamples:%n", footer = {
            "  agentbus rooms",
            "  agentbus rooms --json | jq -r '.rooms[].room'",
        })
final class RoomsCommand implements Callable<Integer> {
    private static final String ROOMS_PATH = "/api/v1/rooms";

    private final StandardStreams streams;

    @Option(names = "--json", description = "print the server's JSON answer as it is")
    private boolean json;

    @Mixin
    private CommonOptions common;

    RoomsCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String body = new RestClient(common.url().first(), common.token(), common.timeout()).get(ROOMS_PATH);
        if (json) {
            streams.out().println(body);
        } else {
            new RoomTable(RoomRow.parseAll(body)).print(streams.out());
        }
        return ExitCode.OK;
    }
}
