package io.agentbus.orchestrator.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewRuleTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "'approve',                          CONTINUE",
        "'approve approve approve',          CONTINUE",
        "'concern',                          LOG_WARNING",
        "'approve concern approve',          LOG_WARNING",
        "'concern concern',                  PAUSE_AND_CLARIFY",
        "'concern approve concern concern',  PAUSE_AND_CLARIFY",
        "'blocker',                          STOP_AND_ESCALATE",
        "'approve approve blocker',          STOP_AND_ESCALATE",
        "'concern concern blocker',          STOP_AND_ESCALATE",
        "'',                                 CONTINUE",
    })
    void shouldApplyTheDecisionRuleInOrder(String verdicts, ReviewAction action) {
        List<String> list = verdicts.isBlank() ? List.of() : Arrays.asList(verdicts.split(" "));
        assertEquals(action, ReviewRule.decide(list));
    }
}
