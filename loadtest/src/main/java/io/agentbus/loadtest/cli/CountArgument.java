package io.agentbus.loadtest.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number of at least 1 (connections, threads, publishers, rooms, steps). */
class CountArgument implements ITypeConverter<Integer> {
    private static final int MAX_COUNT = 1_000_000;

    @Override
    public Integer convert(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_COUNT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new TypeConversionException("'" + value + "' is not a whole number from 1 to " + MAX_COUNT);
    }
}
