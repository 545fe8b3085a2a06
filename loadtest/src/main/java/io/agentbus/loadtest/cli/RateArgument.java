package io.agentbus.loadtest.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A rate in messages (or connections) per second: a positive decimal number. */
class RateArgument implements ITypeConverter<Double> {
    private static final double MAX_RATE = 1e8;

    @Override
    public Double convert(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (Double.isFinite(rate) && accepts(rate) && rate <= MAX_RATE) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below, like a rate out of range
        }
        throw new TypeConversionException("'" + value + "' is not " + expected());
    }

    boolean accepts(double rate) {
        return rate > 0;
    }

    String expected() {
        return "a rate over 0 per second (at most 1e8)";
    }

    /** A rate of 0 or more, 0 meaning unlimited. */
    static final class OrUnlimited extends RateArgument {
        @Override
        boolean accepts(double rate) {
            return rate >= 0;
        }

        @Override
        String expected() {
            return "a rate of 0 (unlimited) or more per second";
        }
    }
}
