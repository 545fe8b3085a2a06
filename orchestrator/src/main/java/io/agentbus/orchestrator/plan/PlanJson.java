package io.agentbus.orchestrator.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link Plan} as JSON: what {@code agentbus plan --json} prints and the body of the
 * {@code type:"plan"} message (snake_case fields; see PROTOCOL.md, "Orchestration messages").
 */
public final class PlanJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanJson() {
    }

    public static ObjectNode toJson(Plan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("task", plan.analysis().task());
        root.set("analysis", analysis(plan.analysis()));
        ObjectNode strategy = root.putObject("strategy");
        strategy.put("name", plan.strategy().value().wireName());
        strategy.put("reason", plan.strategy().reason());
        root.set("team", team(plan.team()));
        root.set("cost", cost(plan.cost()));
        ArrayNode assignments = root.putArray("assignments");
        for (Assignment a : plan.assignments()) {
            ObjectNode node = assignments.addObject();
            node.put("task_id", a.taskId());
            node.put("title", a.title());
            node.put("role", a.role());
            node.put("assignee", a.assignee());
            node.put("reason", a.reason());
        }
        return root;
    }

    /** Pretty-printed JSON text. */
    public static String toText(Plan plan) {
        try {
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan that cannot be written as JSON", e);
        }
    }

    private static ObjectNode analysis(TaskAnalysis a) {
        ObjectNode node = NODES.objectNode();
        node.put("files", a.files());
        node.put("files_source", a.filesSource());
        node.put("loc", a.loc());
        ObjectNode languages = node.putObject("languages");
        a.languages().forEach(languages::put);
        if (a.hasTests() != null) {
            node.put("has_tests", a.hasTests());
        }
        ArrayNode subtasks = node.putArray("subtasks");
        a.subtasks().forEach(subtasks::add);
        node.put("dependency_depth", a.depth());
        node.put("parallelisability", a.parallelisability());
        node.put("context_tokens", a.contextTokens());
        node.put("hours", a.hours());
        node.put("complexity", a.complexity());
        return node;
    }

    private static ObjectNode team(Team team) {
        ObjectNode node = NODES.objectNode();
        node.put("size", team.members().size());
        node.put("reason", team.sizeReason());
        ObjectNode planning = node.putObject("planning_mode");
        planning.put("on", team.planningMode().value());
        planning.put("reason", team.planningMode().reason());
        ArrayNode members = node.putArray("members");
        for (Member m : team.members()) {
            ObjectNode member = members.addObject();
            member.put("id", m.id());
            member.put("role", m.role());
            member.put("model", m.model());
            member.put("model_reason", m.modelReason());
            member.put("reason", m.reason());
        }
        return node;
    }

    private static ObjectNode cost(CostEstimate cost) {
        ObjectNode node = NODES.objectNode();
        node.put("total_usd", cost.totalUsd());
        node.put("wall_clock_hours", cost.wallClockHours());
        ObjectNode perMember = node.putObject("per_member_usd");
        cost.perMemberUsd().forEach(perMember::put);
        node.put("reason", cost.reason());
        return node;
    }
}
