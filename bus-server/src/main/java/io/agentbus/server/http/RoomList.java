package io.agentbus.server.http;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code GET /api/v1/rooms}: every room with its last offset and live member count. */
final class RoomList {
    private RoomList() {
    }

    static void respond(ChannelHandlerContext ctx, boolean keepAlive, Sequencer sequencer) {
        boolean accepted = sequencer.submit(new Command.Inspect(h -> {
            StringBuilder json = new StringBuilder("{\"rooms\":[");
            for (Room room : h.state().rooms()) {
                if (json.charAt(json.length() - 1) != '[') {
                    json.append(',');
                }
                json.append("{\"room\":").append(HttpResponses.quote(room.id()))
                        .append(",\"first_offset\":").append(room.firstOffset())
                        .append(",\"last_offset\":").append(room.lastOffset())
                        .append(",\"members\":").append(room.members().size())
                        .append(",\"decisions\":").append(room.decisions().size()).append('}');
            }
            HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, json.append("]}").toString());
        }));
        if (!accepted) {
            HttpResponses.error(ctx, keepAlive, ErrorCode.OVERLOADED, "the server is overloaded; try again shortly");
        }
    }
}
