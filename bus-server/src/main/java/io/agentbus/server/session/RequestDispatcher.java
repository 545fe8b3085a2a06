package io.agentbus.server.session;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.server.artifact.ArtifactUploads;
import io.agentbus.server.auth.Permissions;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;

/** Turns a checked request of a session that said hello into a sequencer command. */
final class RequestDispatcher {
    private final Sequencer sequencer;
    private final ArtifactUploads artifacts;

    RequestDispatcher(Sequencer sequencer, ArtifactUploads artifacts) {
        this.sequencer = sequencer;
        this.artifacts = artifacts;
    }

    /** Hands the request on; returns the error to answer with when it cannot be. */
    ErrorFrame dispatch(Session session, ClientFrame frame) {
        String refusal = Permissions.refusal(session.grants(), frame);
        if (refusal != null) {
            return new ErrorFrame(frame.rid(), ErrorCode.FORBIDDEN, refusal);
        }
        if (frame instanceof ArtifactUpload upload) {
            artifacts.upload(session, session, session.clientId(), upload);
            return null;
        }
        Command command = toCommand(session, frame);
        if (command == null) {
            return new ErrorFrame(frame.rid(), ErrorCode.BAD_REQUEST, "op '" + frame.op() + "' is not a request");
        }
        if (!sequencer.submit(command)) {
            return new ErrorFrame(frame.rid(), ErrorCode.OVERLOADED, "the server is overloaded; try again shortly");
        }
        return null;
    }

    private static Command toCommand(Session session, ClientFrame frame) {
        if (frame instanceof Pub pub) {
            return new Command.Publish(session, session, session.clientId(), pub);
        } else if (frame instanceof Join join) {
            return new Command.JoinRoom(session, join);
        } else if (frame instanceof Leave leave) {
            return new Command.LeaveRoom(session, leave);
        } else if (frame instanceof HistoryRequest history) {
            return new Command.ReadHistory(session, history);
        } else if (frame instanceof Send send) {
            return new Command.SendDirect(session, send);
        } else if (frame instanceof Propose propose) {
            return new Command.OpenDecision(session, propose);
        } else if (frame instanceof Vote vote) {
            return new Command.CastVote(session, vote);
        }
        return null;
    }
}
