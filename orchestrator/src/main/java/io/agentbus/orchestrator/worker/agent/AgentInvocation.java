package io.agentbus.orchestrator.worker.agent;

import io.agentbus.orchestrator.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line to start an agent with, and what to write to its standard input.
 *
 * @param command the program and its arguments, placeholders expanded
 * @param stdin   the prompt for {@link PromptMode#STDIN}, else {@code null} (stdin is closed at once)
 */
public record AgentInvocation(List<String> command, String stdin) {
    public AgentInvocation {
        command = List.copyOf(command);
    }

    /**
     * The command line of {@code template} for {@code task}: the template's arguments, then
     * {@code extraArgs} (a permission recovery's), then the prompt or prompt file if no
     * placeholder took it.
     *
     * @throws ConfigException if the template has no command (e.g. {@code custom} without {@code -- COMMAND})
     */
    public static AgentInvocation of(AgentTemplate template, TaskContext task, List<String> extraArgs) {
        if (template.command().isEmpty()) {
            throw new ConfigException("agent '" + template.name() + "' has no command: give one after --, e.g. "
                    + "agentbus worker --agent " + template.name() + " ... -- ./my-agent.sh");
        }
        boolean placed = false;
        String placeholder = template.prompt() == PromptMode.FILE ? "{prompt_file}" : "{prompt}";
        List<String> command = new ArrayList<>();
        for (String arg : template.command()) {
            placed |= arg.contains(placeholder);
            command.add(task.expand(arg));
        }
        extraArgs.forEach(a -> command.add(task.expand(a)));
        if (!placed && template.prompt() == PromptMode.ARGUMENT) {
            command.add(task.prompt());
        } else if (!placed && template.prompt() == PromptMode.FILE) {
            command.add(String.valueOf(task.promptFile()));
        }
        return new AgentInvocation(command, template.prompt() == PromptMode.STDIN ? task.prompt() : null);
    }
}
