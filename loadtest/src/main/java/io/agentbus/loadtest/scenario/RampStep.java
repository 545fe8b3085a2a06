package io.agentbus.loadtest.scenario;

/**
 * One step of a ramp.
 *
 * @param result  what it measured
 * @param failure why it failed, or {@code null} if it passed
 */
public record RampStep(PhaseResult result, String failure) {

    public boolean passed() {
        return failure == null;
    }
}
