package io.agentbus.client.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number with a lower bound; subclasses name what it counts. */
abstract class WholeNumberArgument implements ITypeConverter<Long> {
    private final long min;
    private final String description;

    WholeNumberArgument(long min, String description) {
        this.min = min;
        this.description = description;
    }

    @Override
    public Long convert(String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new TypeConversionException("'" + value + "' is not " + description);
    }
}
