package io.agentbus.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentbus.orchestrator.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = new Planner(ConfigLoader.defaults());

    @Test
    void shouldPlanTheRestApiAsASmallBridgeOfThree() {
        Plan plan = planner.plan("Build a REST API with auth, users and orders (25 files)", null);
        assertEquals(Strategy.BRIDGE_SMALL, plan.strategy().value());
        assertEquals(List.of("coordinator-1", "coder-1", "reviewer-1"),
                plan.team().members().stream().map(Member::id).toList());
        assertTrue(plan.team().planningMode().value());
        assertEquals(3, plan.assignments().size());
        assertTrue(plan.assignments().stream().allMatch(a -> a.assignee().equals("coder-1")));
        double sum = plan.cost().perMemberUsd().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(plan.cost().totalUsd(), sum, 0.02);
        assertTrue(plan.cost().totalUsd() > 0);
    }

    @Test
    void shouldPriceEachMemberAsTokensPerHourTimesTheModelsPrice() {
        Plan plan = planner.plan("Fix the typo in 1 file", null);
        assertEquals(Strategy.SINGLE, plan.strategy().value());
        Member coder = plan.team().members().get(0);
        // 1 file, 1 subtask: max(0.25, 0.1 + 0.25) = 0.35 h; coder 600K in / 60K out per hour.
        // 1 file < 5 and 150 LOC < 500: haiku at $0.80 / $4 per million tokens.
        assertEquals("haiku", coder.model());
        double expected = 0.35 * (600_000 * 0.8 + 60_000 * 4.0) / 1_000_000;
        assertEquals(TaskAnalyzer.round(expected, 2), plan.cost().totalUsd(), 1e-9);
    }

    @Test
    void shouldGiveSubtasksToTheRoleTheirWordsName() {
        Plan plan = planner.plan("Build a trading bot with market data, strategies, backtests, tests and docs "
                + "(45 files)", null);
        assertEquals(Strategy.BRIDGE_MEDIUM, plan.strategy().value());
        List<String> roles = plan.assignments().stream().map(Assignment::role).toList();
        assertEquals(List.of("coder", "coder", "coder", "tester", "coder"), roles);
        // no documenter in a team of 5: the docs go to a coder, round-robin over coder-1 and coder-2
        assertEquals(List.of("coder-1", "coder-2", "coder-1", "tester-1", "coder-2"),
                plan.assignments().stream().map(Assignment::assignee).toList());
        assertTrue(plan.assignments().get(4).reason().contains("no documenter"), plan.assignments().get(4).reason());
    }

    @Test
    void shouldWriteEveryChoiceWithItsReasonAsJson() throws Exception {
        Plan plan = planner.plan("Build a REST API with auth, users and orders (25 files)", null);
        JsonNode json = new ObjectMapper().readTree(PlanJson.toText(plan));
        assertEquals("bridge-small", json.at("/strategy/name").asText());
        assertFalse(json.at("/strategy/reason").asText().isBlank());
        assertEquals(3, json.at("/team/members").size());
        for (JsonNode member : json.at("/team/members")) {
            assertFalse(member.get("model_reason").asText().isBlank());
        }
        assertTrue(json.at("/team/planning_mode/on").asBoolean());
        assertEquals(25, json.at("/analysis/files").asInt());
        assertEquals("task-1", json.at("/assignments/0/task_id").asText());
        assertEquals(plan.cost().totalUsd(), json.at("/cost/total_usd").asDouble());
    }

    @Test
    void shouldRenderATableWithTheStrategyTeamAndCost() {
        String table = PlanTable.render(planner.plan("Build a REST API with auth, users and orders (25 files)", null));
        assertTrue(table.contains("Strategy: bridge-small"), table);
        assertTrue(table.contains("reviewer-1"), table);
        assertTrue(table.contains("Planning mode: on"), table);
        assertTrue(table.contains("Cost estimate: $"), table);
    }
}
