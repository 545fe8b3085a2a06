package io.agentbus.orchestrator.plan;

import java.util.List;

/**
 * The agents of a plan.
 *
 * @param sizeReason   why this many
 * @param planningMode whether the coordinator (or the single agent) plans before anyone codes, and why
 */
public record Team(List<Member> members, String sizeReason, Choice<Boolean> planningMode) {

    /** The members with {@code role}, in plan order. */
    public List<Member> withRole(String role) {
        return members.stream().filter(m -> m.role().equals(role)).toList();
    }
}
