package io.agentbus.orchestrator.worker.agent;

import io.agentbus.orchestrator.worker.output.OutputFormat;
import java.util.List;
import java.util.Objects;

/**
 * How to run one kind of agent: its command line (with placeholders {@code {workspace}},
 * {@code {target}}, {@code {prompt}}, {@code {prompt_file}}, {@code {task_id}}, {@code {job}}), how
 * the prompt is passed, the format of its output, its permission recoveries and its prices.
 */
public record AgentTemplate(String name, List<String> command, PromptMode prompt, OutputFormat format,
                            List<Recovery> recoveries, Pricing pricing) {
    public AgentTemplate {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(format, "format");
        recoveries = List.copyOf(recoveries);
        Objects.requireNonNull(pricing, "pricing");
    }

    /** This template running {@code command} instead (the worker's {@code -- COMMAND…}). */
    public AgentTemplate withCommand(List<String> command) {
        return new AgentTemplate(name, command, prompt, format, recoveries, pricing);
    }

    /** This template with another prompt mode and output format (the worker's {@code --prompt-via}, {@code --format}). */
    public AgentTemplate with(PromptMode prompt, OutputFormat format) {
        return new AgentTemplate(name, command, prompt == null ? this.prompt : prompt,
                format == null ? this.format : format, recoveries, pricing);
    }
}
