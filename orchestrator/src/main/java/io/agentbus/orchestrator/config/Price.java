package io.agentbus.orchestrator.config;

/** A model's price in USD per million input and output tokens. */
public record Price(double inputPerMtok, double outputPerMtok) {

    void validate(String field) {
        ConfigException.notNegative(inputPerMtok, field + ".input_per_mtok");
        ConfigException.notNegative(outputPerMtok, field + ".output_per_mtok");
    }
}
