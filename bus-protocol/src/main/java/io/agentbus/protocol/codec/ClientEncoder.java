package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Vote;

import java.io.IOException;

/** Writes the fields of client frames after {@code op} and {@code rid}; absent values are omitted. */
final class ClientEncoder {
    private ClientEncoder() {
    }

    static void fields(ClientFrame frame, JsonGenerator g) throws IOException {
        if (frame instanceof Hello h) {
            hello(h, g);
        } else if (frame instanceof Join j) {
            join(j, g);
        } else if (frame instanceof Leave l) {
            g.writeStringField("room", l.room());
        } else if (frame instanceof Pub p) {
            pub(p, g);
        } else if (frame instanceof HistoryRequest h) {
            history(h, g);
        } else if (frame instanceof Send s) {
            send(s, g);
        } else if (frame instanceof Propose p) {
            propose(p, g);
        } else if (frame instanceof Vote v) {
            vote(v, g);
        } else if (frame instanceof ArtifactUpload a) {
            artifact(a, g);
        }
    }

    private static void hello(Hello h, JsonGenerator g) throws IOException {
        g.writeStringField("client", h.client());
        FrameWriter.optional(g, "token", h.token());
        if (h.inboxSince() != Hello.NO_INBOX_SINCE) {
            g.writeNumberField("inbox_since", h.inboxSince());
        }
    }

    private static void join(Join j, JsonGenerator g) throws IOException {
        g.writeStringField("room", j.room());
        FrameWriter.optional(g, "role", j.role());
        g.writeNumberField("weight", j.weight());
        if (j.since() != Join.NO_SINCE) {
            g.writeNumberField("since", j.since());
        }
        g.writeBooleanField("echo", j.echo());
        FrameWriter.optional(g, "epoch", j.epoch());
    }

    private static void pub(Pub p, JsonGenerator g) throws IOException {
        g.writeStringField("room", p.room());
        FrameWriter.optional(g, "channel", p.channel());
        FrameWriter.optional(g, "type", p.type());
        FrameWriter.priority(g, p.priority());
        FrameWriter.optional(g, "id", p.id());
        FrameWriter.body(g, p.body());
    }

    private static void history(HistoryRequest h, JsonGenerator g) throws IOException {
        g.writeStringField("room", h.room());
        g.writeNumberField("since", h.since());
        g.writeNumberField("limit", h.limit());
    }

    private static void send(Send s, JsonGenerator g) throws IOException {
        g.writeStringField("to", s.to());
        FrameWriter.optional(g, "type", s.type());
        FrameWriter.priority(g, s.priority());
        FrameWriter.optional(g, "id", s.id());
        FrameWriter.body(g, s.body());
    }

    private static void propose(Propose p, JsonGenerator g) throws IOException {
        g.writeStringField("room", p.room());
        g.writeStringField("title", p.title());
        g.writeStringField("rule", p.rule() == null ? null : p.rule().wireName());
        if (p.quorum() != Propose.DEFAULT_QUORUM) {
            g.writeNumberField("quorum", p.quorum());
        }
        if (p.deadlineMs() != Propose.NO_DEADLINE) {
            g.writeNumberField("deadline_ms", p.deadlineMs());
        }
    }

    private static void vote(Vote v, JsonGenerator g) throws IOException {
        g.writeStringField("room", v.room());
        g.writeStringField("decision", v.decision());
        g.writeStringField("choice", v.choice() == null ? null : v.choice().wireName());
        FrameWriter.optional(g, "comment", v.comment());
    }

    private static void artifact(ArtifactUpload a, JsonGenerator g) throws IOException {
        g.writeStringField("room", a.room());
        g.writeStringField("name", a.name());
        FrameWriter.optional(g, "content_type", a.contentType());
        g.writeFieldName("data");
        g.writeBinary(a.data() == null ? new byte[0] : a.data());
    }
}
