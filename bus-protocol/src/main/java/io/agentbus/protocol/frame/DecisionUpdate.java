package io.agentbus.protocol.frame;

/** {@code decision}: a decision was opened or changed. */
public record DecisionUpdate(String room, String decision, String title, DecisionRule rule,
                             DecisionStatus status, int yes, int no, int veto) implements ServerFrame {
    @Override
    public String op() {
        return "decision";
    }
}
