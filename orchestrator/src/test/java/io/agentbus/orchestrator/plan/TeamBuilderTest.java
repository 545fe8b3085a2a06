package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.orchestrator.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamBuilderTest {
    private final TeamBuilder builder = new TeamBuilder(ConfigLoader.defaults());

    @ParameterizedTest(name = "{0} with {1} files → {2} agents")
    @CsvSource({
        // one agent per ~10 files, within the strategy's range, capped at 8
        "BRIDGE_SMALL,  16, 2",
        "BRIDGE_SMALL,  21, 3",
        "BRIDGE_SMALL,  30, 3",
        "BRIDGE_MEDIUM, 31, 4",
        "BRIDGE_MEDIUM, 45, 5",
        "BRIDGE_MEDIUM, 60, 5",
        "BRIDGE_LARGE,  61, 7",
        "BRIDGE_LARGE,  65, 7",
        "BRIDGE_LARGE,  71, 8",
        "BRIDGE_LARGE,  900, 8",
        "SINGLE,        2, 1",
    })
    void shouldSizeTheTeamByFilesWithinTheStrategysRange(Strategy strategy, int files, int size) {
        Team team = builder.build(strategy, Analyses.files(files));
        assertEquals(size, team.members().size(), team.sizeReason());
    }

    @Test
    void shouldFillBridgeSeatsInTheConfiguredRoleOrder() {
        Team team = builder.build(Strategy.BRIDGE_LARGE, Analyses.files(200));
        assertEquals(List.of("coordinator-1", "coder-1", "reviewer-1", "tester-1", "coder-2", "documenter-1",
                "researcher-1", "coder-3"), team.members().stream().map(Member::id).toList());
    }

    @ParameterizedTest(name = "agents with {0} subtasks at depth {1} → lead + {2}")
    @CsvSource({
        "1, 1, 2",   // at least 2 sub-agents
        "3, 1, 3",   // three independent subtasks
        "4, 4, 2",   // one chain: nothing runs in parallel
        "9, 1, 5",   // at most 5
    })
    void shouldGiveTheLeadOneSubAgentPerParallelSubtask(int subtasks, int depth, int subAgents) {
        Team team = builder.build(Strategy.AGENTS, Analyses.of(10, 15000, 1.0, subtasks, depth));
        assertEquals("coordinator", team.members().get(0).role());
        assertEquals(subAgents, team.withRole("coder").size(), team.sizeReason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // planning mode when files > 15 or subtasks > 8 or depth > 3 or hours > 4
        "nothing        | 15 | 8 | 3 | 4.0 | false",
        "files          | 16 | 8 | 3 | 4.0 | true",
        "subtasks       | 15 | 9 | 3 | 4.0 | true",
        "depth          | 15 | 8 | 4 | 4.0 | true",
        "hours          | 15 | 8 | 3 | 4.1 | true",
    })
    void shouldTurnPlanningModeOnPastAnyTrigger(String label, int files, int subtasks, int depth, double hours,
                                               boolean on) {
        Team team = builder.build(Strategy.BRIDGE_SMALL, Analyses.of(files, 1000, hours, subtasks, depth));
        assertEquals(on, team.planningMode().value(), team.planningMode().reason());
        if (on) {
            assertTrue(team.planningMode().reason().contains(label.strip().equals("files") ? "files" : label.strip()),
                    team.planningMode().reason());
        }
    }
}
