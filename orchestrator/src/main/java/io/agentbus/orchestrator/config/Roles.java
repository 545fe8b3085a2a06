package io.agentbus.orchestrator.config;

import java.util.List;

/** The roles a team member can have. */
public final class Roles {
    public static final String COORDINATOR = "coordinator";
    public static final String CODER = "coder";
    public static final String REVIEWER = "reviewer";
    public static final String TESTER = "tester";
    public static final String RESEARCHER = "researcher";
    public static final String DOCUMENTER = "documenter";
    public static final List<String> ALL = List.of(COORDINATOR, CODER, REVIEWER, TESTER, RESEARCHER, DOCUMENTER);

    private Roles() {
    }
}
