package io.agentbus.loadtest.cli;

import io.agentbus.loadtest.adapter.Target;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code agentbus}, {@code nats} or {@code netty}. */
final class TargetArgument implements ITypeConverter<Target> {
    static final String NAMES = Arrays.stream(Target.values()).map(Target::wireName).collect(Collectors.joining(", "));

    @Override
    public Target convert(String value) {
        Target target = Target.named(value);
        if (target == null) {
            throw new TypeConversionException("'" + value + "' is not a target: " + NAMES);
        }
        return target;
    }
}
