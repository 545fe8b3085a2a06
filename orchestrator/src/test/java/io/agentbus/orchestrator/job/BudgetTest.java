package io.agentbus.orchestrator.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTest {
    @Test
    void shouldWarnOnceAtThreeQuartersAndStopOnceAtTheLimit() {
        Budget budget = new Budget(10, 0.75);
        assertEquals(Budget.Crossing.NONE, budget.add(7.49));
        assertEquals(Budget.Crossing.WARN, budget.add(0.01));
        assertEquals(Budget.Crossing.NONE, budget.add(1.0));
        assertEquals(Budget.Crossing.STOP, budget.add(1.5));
        assertEquals(Budget.Crossing.NONE, budget.add(5));
        assertEquals(15.0, budget.spentUsd(), 1e-9);
    }

    @Test
    void shouldStopWithoutAWarningWhenOneCostCrossesBoth() {
        assertEquals(Budget.Crossing.STOP, new Budget(1, 0.75).add(2));
    }

    @Test
    void shouldNeverCrossWithoutALimit() {
        Budget budget = new Budget(0, 0.75);
        assertEquals(Budget.Crossing.NONE, budget.add(1e9));
    }

    @Test
    void shouldAddUpEachDaysSpendingInTheLedger(@TempDir Path dir) {
        DailyLedger ledger = new DailyLedger(dir.resolve("spend.json"));
        LocalDate day = LocalDate.of(2025, 11, 21);
        assertEquals(0.0, ledger.spent(day));
        ledger.add(day, 2.5);
        ledger.add(day, 1.0);
        ledger.add(day.plusDays(1), 4.0);
        assertEquals(3.5, new DailyLedger(dir.resolve("spend.json")).spent(day), 1e-9);
        assertEquals(4.0, ledger.spent(day.plusDays(1)), 1e-9);
    }

    @Test
    void shouldRefuseALedgerThatIsNotAJsonObject(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("spend.json"), "[oops");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DailyLedger(file).spent(LocalDate.of(2025, 1, 1)));
        assertTrue(e.getMessage().contains("daily ledger"), e.getMessage());
    }
}
