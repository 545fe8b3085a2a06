package io.agentbus.client.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** A positive whole number of seconds. */
final class SecondsArgument implements ITypeConverter<Duration> {
    private final WholeNumberArgument seconds = new WholeNumberArgument(1, "a number of seconds (1 or more)") {
    };

    @Override
    public Duration convert(String value) {
        return Duration.ofSeconds(seconds.convert(value));
    }
}
