package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.adapter.SessionSpec;

/**
 * One connection of a plan.
 *
 * @param index          its number, 0 to connections - 1 (it runs on event loop index % threads)
 * @param spec           its client id, room or direct-message partner
 * @param publisherIndex its index among the publishers, or -1 if it only listens
 * @param heardFirst     the first publisher index it should hear
 * @param heardStride    the step between the publisher indices it should hear
 * @param heardCount     how many publishers it should hear
 */
public record MemberPlan(int index, SessionSpec spec, int publisherIndex, int heardFirst, int heardStride,
                         int heardCount) {

    public boolean publishes() {
        return publisherIndex >= 0;
    }
}
