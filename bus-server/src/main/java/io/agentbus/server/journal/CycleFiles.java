package io.agentbus.server.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import net.openhft.chronicle.queue.RollCycle;

/**
 * Which file of the journal directory holds which cycle: Chronicle names each file after the UTC
 * start of its cycle in the roll cycle's format ({@code 20261121F.cq4} daily,
 * {@code 20261121-14F.cq4} hourly, {@code 20261121-140503T.cq4} secondly).
 */
final class CycleFiles {
    static final String SUFFIX = ".cq4";

    private final Path dir;
    private final RollCycle rollCycle;
    private final DateTimeFormatter names;

    CycleFiles(Path dir, RollCycle rollCycle) {
        this.dir = dir;
        this.rollCycle = rollCycle;
        this.names = new DateTimeFormatterBuilder().appendPattern(rollCycle.format())
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    Path dir() {
        return dir;
    }

    /** The file of {@code cycle}. */
    Path fileOf(int cycle) {
        return dir.resolve(names.format(Instant.ofEpochMilli((long) cycle * rollCycle.lengthInMillis())) + SUFFIX);
    }

    /** The cycle a file holds, from its name; {@code null} for a name that is not a cycle's. */
    Integer cycleOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return null;
        }
        try {
            long startMs = LocalDateTime.parse(name.substring(0, name.length() - SUFFIX.length()), names)
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
            return (int) (startMs / rollCycle.lengthInMillis());
        } catch (RuntimeException notACycleFile) {
            return null;
        }
    }
}
