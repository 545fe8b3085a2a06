package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Welcome;

import java.io.IOException;

/** Writes the fields of server frames after {@code op} and {@code rid}; absent values are omitted. */
final class ServerEncoder {
    private ServerEncoder() {
    }

    static void fields(ServerFrame frame, JsonGenerator g) throws IOException {
        if (frame instanceof Welcome w) {
            welcome(w, g);
        } else if (frame instanceof Ok o) {
            ok(o, g);
        } else if (frame instanceof Msg m) {
            msgFields(m, g);
        } else if (frame instanceof Presence p) {
            presence(p, g);
        } else if (frame instanceof HistoryReply h) {
            history(h, g);
        } else if (frame instanceof DecisionUpdate d) {
            decision(d, g);
        } else if (frame instanceof Dropped d) {
            dropped(d, g);
        } else if (frame instanceof ErrorFrame e) {
            error(e, g);
        }
    }

    private static void welcome(Welcome w, JsonGenerator g) throws IOException {
        g.writeStringField("client", w.client());
        g.writeStringField("session", w.session());
        g.writeStringField("server", w.server());
        g.writeNumberField("heartbeat_ms", w.heartbeatMs());
    }

    private static void ok(Ok o, JsonGenerator g) throws IOException {
        FrameWriter.optional(g, "room", o.room());
        if (o.offset() != Ok.NO_OFFSET) {
            g.writeNumberField("offset", o.offset());
        }
        if (o.members() != null) {
            members(o, g);
        }
        FrameWriter.optional(g, "decision", o.decision());
        FrameWriter.optional(g, "sha256", o.sha256());
        if (o.duplicate()) {
            g.writeBooleanField("duplicate", true);
        }
        FrameWriter.optional(g, "epoch", o.epoch());
        if (o.recovered() != null) {
            g.writeBooleanField("recovered", o.recovered());
        }
    }

    private static void members(Ok o, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("members");
        for (Member m : o.members()) {
            g.writeStartObject();
            g.writeStringField("client", m.client());
            g.writeStringField("role", m.role());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A whole {@code msg} object, as sent alone or inside a history reply. */
    static void msg(Msg m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("op", "msg");
        msgFields(m, g);
        g.writeEndObject();
    }

    private static void msgFields(Msg m, JsonGenerator g) throws IOException {
        FrameWriter.optional(g, "room", m.room());
        FrameWriter.optional(g, "to", m.to());
        g.writeNumberField("offset", m.offset());
        g.writeStringField("from", m.from());
        g.writeStringField("channel", m.channel());
        g.writeStringField("type", m.type());
        FrameWriter.priority(g, m.priority());
        g.writeNumberField("ts", m.ts());
        FrameWriter.optional(g, "id", m.id());
        FrameWriter.body(g, m.body());
    }

    private static void presence(Presence p, JsonGenerator g) throws IOException {
        g.writeStringField("room", p.room());
        g.writeStringField("client", p.client());
        g.writeStringField("role", p.role());
        g.writeStringField("event", p.event() == null ? null : p.event().wireName());
    }

    private static void history(HistoryReply h, JsonGenerator g) throws IOException {
        g.writeStringField("room", h.room());
        g.writeArrayFieldStart("messages");
        if (h.messages() != null) {
            for (Msg m : h.messages()) {
                msg(m, g);
            }
        }
        g.writeEndArray();
        g.writeBooleanField("more", h.more());
    }

    private static void decision(DecisionUpdate d, JsonGenerator g) throws IOException {
        g.writeStringField("room", d.room());
        g.writeStringField("decision", d.decision());
        g.writeStringField("title", d.title());
        g.writeStringField("rule", d.rule() == null ? null : d.rule().wireName());
        g.writeStringField("status", d.status() == null ? null : d.status().wireName());
        g.writeObjectFieldStart("tally");
        g.writeNumberField("yes", d.yes());
        g.writeNumberField("no", d.no());
        g.writeNumberField("veto", d.veto());
        g.writeEndObject();
    }

    private static void dropped(Dropped d, JsonGenerator g) throws IOException {
        g.writeStringField("room", d.room());
        g.writeNumberField("from_offset", d.fromOffset());
        g.writeNumberField("to_offset", d.toOffset());
        if (d.reason() != null) {
            g.writeStringField("reason", d.reason());
        }
    }

    private static void error(ErrorFrame e, JsonGenerator g) throws IOException {
        g.writeStringField("code", e.code() == null ? null : e.code().wireName());
        g.writeStringField("message", e.message());
        if (e.retryAfterMs() != ErrorFrame.NO_RETRY_AFTER) {
            g.writeNumberField("retry_after_ms", e.retryAfterMs());
        }
    }
}
