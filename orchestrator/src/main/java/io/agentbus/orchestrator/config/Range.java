package io.agentbus.orchestrator.config;

/** An inclusive range of team sizes, e.g. {@code {"min": 2, "max": 3}}. */
public record Range(int min, int max) {

    void validate(String field) {
        ConfigException.check(min >= 1 && max >= min, field, "must have 1 <= min <= max, not " + min + ".." + max);
    }

    public int clamp(int value) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + "–" + max;
    }
}
