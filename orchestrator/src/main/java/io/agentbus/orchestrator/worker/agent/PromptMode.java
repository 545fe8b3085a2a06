package io.agentbus.orchestrator.worker.agent;

/** How the task's prompt reaches the agent. */
public enum PromptMode {
    /** As a command-line argument: where {@code {prompt}} stands, else appended last. */
    ARGUMENT("argument"),
    /** Written to the agent's standard input, which is then closed. */
    STDIN("stdin"),
    /** Written to a file whose path stands where {@code {prompt_file}} is, else is appended last. */
    FILE("file");

    private final String configName;

    PromptMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The mode named {@code name}, or {@code null} if there is none. */
    public static PromptMode of(String name) {
        for (PromptMode m : values()) {
            if (m.configName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
