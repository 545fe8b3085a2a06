package io.agentbus.loadtest.cli;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A length of time as nanoseconds: a number with a unit, {@code 500ms}, {@code 60s},
 * {@code 2m}, {@code 1h} (a bare number is seconds), 0 or more.
 */
class DurationArgument implements ITypeConverter<Long> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    private static final double MAX_NANOS = TimeUnit.DAYS.toNanos(1);

    @Override
    public Long convert(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw notADuration(value);
        }
        double nanos = Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
        if (nanos > MAX_NANOS || !accepts(nanos)) {
            throw notADuration(value);
        }
        return (long) nanos;
    }

    /** Whether the duration is allowed (any, by default). */
    boolean accepts(double nanos) {
        return true;
    }

    /** What a valid value looks like, for the error message. */
    String expected() {
        return "a duration like 500ms, 60s, 2m (at most a day)";
    }

    private TypeConversionException notADuration(String value) {
        return new TypeConversionException("'" + value + "' is not " + expected());
    }

    private static double nanosPer(String unit) {
        if (unit == null || unit.equals("s")) {
            return 1e9;
        }
        return switch (unit) {
            case "ms" -> 1e6;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    /** A duration over zero. */
    static final class Positive extends DurationArgument {
        @Override
        boolean accepts(double nanos) {
            return nanos >= 1e6;
        }

        @Override
        String expected() {
            return "a duration of at least 1ms like 500ms, 60s, 2m (at most a day)";
        }
    }
}
