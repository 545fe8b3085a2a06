package io.agentbus.server.artifact;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.room.Room;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Records a stored artifact against its room's quota, journals it and announces it to the room
 * as a {@code msg} of type {@code artifact} whose body names the digest, size and download URL.
 */
public final class ArtifactHandler {
    /** The {@code type} of the announcement message. */
    public static final String MESSAGE_TYPE = "artifact";

    private static final JsonFactory JSON = new JsonFactory();

    private final BusState state;
    private final Journal journal;
    private final PublishHandler publish;
    private final long roomQuotaBytes;

    public ArtifactHandler(BusState state, Journal journal, PublishHandler publish, long roomQuotaBytes) {
        this.state = state;
        this.journal = journal;
        this.publish = publish;
        this.roomQuotaBytes = roomQuotaBytes;
    }

    /** An artifact whose file is already stored under its digest. */
    public void stored(Reply reply, Session publisher, String from, String rid, ArtifactStored artifact) {
        Room room = state.roomOrCreate(artifact.room());
        boolean isNew = !room.hasArtifact(artifact.sha256());
        if (isNew && room.artifactBytes() + artifact.size() > roomQuotaBytes) {
            reply.send(new ErrorFrame(rid, ErrorCode.TOO_LARGE, "room '" + room.id() + "' would exceed its artifact"
                    + " quota of " + roomQuotaBytes + " bytes (" + room.artifactBytes() + " used)"));
            return;
        }
        if (isNew) {
            state.apply(artifact, journal.append(artifact));
        }
        Pub announcement = new Pub(rid, room.id(), Pub.DEFAULT_CHANNEL, MESSAGE_TYPE, Priority.NORMAL,
                announcementBody(artifact), null);
        publish.publish(reply, publisher, from, announcement, artifact.sha256(), PublishHandler.NOT_TIMED);
    }

    private static JsonValue announcementBody(ArtifactStored a) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sha256", a.sha256());
            g.writeStringField("name", a.name());
            g.writeNumberField("size", a.size());
            g.writeStringField("content_type", a.contentType());
            g.writeStringField("url", "/api/v1/artifacts/" + a.sha256());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonValue(out.toString());
    }
}
