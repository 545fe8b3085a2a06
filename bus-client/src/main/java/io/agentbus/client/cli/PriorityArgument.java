package io.agentbus.client.cli;

import io.agentbus.protocol.Priority;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A priority by its wire name, in any case: {@code critical}, {@code high}, {@code normal}, {@code low}. */
final class PriorityArgument implements ITypeConverter<Priority> {
    @Override
    public Priority convert(String value) {
        Priority priority = Priority.fromWire(value.toLowerCase(Locale.ROOT));
        if (priority == null) {
            throw new TypeConversionException("'" + value + "' is not one of critical, high, normal, low");
        }
        return priority;
    }
}
