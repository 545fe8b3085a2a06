package io.agentbus.orchestrator.config;

/** How many input and output tokens a role uses per hour of work. */
public record TokenRate(long input, long output) {

    void validate(String field) {
        ConfigException.notNegative(input, field + ".input");
        ConfigException.notNegative(output, field + ".output");
    }
}
