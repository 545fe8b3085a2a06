package io.agentbus.server.sequencer;

import io.agentbus.server.journal.GroupCommit;

import io.agentbus.server.artifact.ArtifactHandler;
import io.agentbus.server.decision.DecisionHandler;
import io.agentbus.server.inbox.InboxHandler;
import io.agentbus.server.room.MembershipHandler;
import io.agentbus.server.room.PublishHandler;

/** The handlers the sequencer runs commands with, over one {@link BusState}. */
public record Handlers(BusState state, MembershipHandler membership, PublishHandler publish, InboxHandler inbox,
                       DecisionHandler decisions, ArtifactHandler artifacts, GroupCommit commit) {
}
