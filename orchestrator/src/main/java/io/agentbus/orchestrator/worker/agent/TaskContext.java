package io.agentbus.orchestrator.worker.agent;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The values of a template's placeholders for one task.
 *
 * @param workspace  {@code {workspace}}: the task's directory, where the agent runs
 * @param target     {@code {target}}: the repository the worktree came from, else the workspace
 * @param prompt     {@code {prompt}}: the assignment's prompt
 * @param promptFile {@code {prompt_file}}: where the prompt was written ({@link PromptMode#FILE}), else {@code null}
 */
public record TaskContext(Path workspace, Path target, String prompt, Path promptFile, String taskId, String job) {
    public TaskContext {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(job, "job");
    }

    /** {@code arg} with every placeholder replaced. */
    public String expand(String arg) {
        String out = arg.replace("{workspace}", workspace.toString())
                .replace("{target}", target.toString())
                .replace("{task_id}", taskId)
                .replace("{job}", job);
        if (promptFile != null) {
            out = out.replace("{prompt_file}", promptFile.toString());
        }
        return out.replace("{prompt}", prompt);
    }
}
