package io.agentbus.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationArgumentTest {
    private final DurationArgument any = new DurationArgument();
    private final DurationArgument positive = new DurationArgument.Positive();

    @Test
    void shouldReadDurationsWithUnits() {
        assertEquals(60_000_000_000L, any.convert("60s"));
        assertEquals(500_000_000L, any.convert("500ms"));
        assertEquals(120_000_000_000L, any.convert("2m"));
        assertEquals(3_600_000_000_000L, any.convert("1h"));
        assertEquals(1_500_000_000L, any.convert("1.5s"));
    }

    @Test
    void shouldTakeABareNumberAsSeconds() {
        assertEquals(10_000_000_000L, any.convert("10"));
    }

    @Test
    void shouldAcceptZeroOnlyWhereZeroMakesSense() {
        assertEquals(0L, any.convert("0s"));
        assertThrows(TypeConversionException.class, () -> positive.convert("0s"));
        assertThrows(TypeConversionException.class, () -> positive.convert("0.5ms"));
    }

    @Test
    void shouldRefuseWhatIsNoDuration() {
        for (String bad : new String[] {"60x", "", "s", "-5s", "5 s", "1e3s", "ten", "2d", "25h"}) {
            assertThrows(TypeConversionException.class, () -> any.convert(bad), bad);
        }
    }
}
