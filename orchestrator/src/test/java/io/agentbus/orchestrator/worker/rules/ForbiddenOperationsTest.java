package io.agentbus.orchestrator.worker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agentbus.orchestrator.worker.agent.AgentConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in forbidden operations against commands agents really run. */
class ForbiddenOperationsTest {
    private final ForbiddenOperations rules = new ForbiddenOperations(AgentConfig.builtIn().forbidden());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "git push origin main|git push",
        "git push|git push",
        "cd /repo && git -C sub push --force|git push",
        "bash -lc 'git commit -am wip'|git commit",
        "git -c user.name=x commit -m msg|git commit",
        "npx supabase db push --linked|supabase db push",
        "rm -rf /|rm -rf /",
        "sudo rm -fr / ; echo gone|rm -rf /",
        "rm -Rf ~|rm -rf /",
        "rm -rf /*|rm -rf /",
        "rm -r --no-preserve-root /|rm --no-preserve-root",
    })
    void shouldRecogniseAForbiddenCommand(String command, String rule) {
        assertEquals(rule, rules.check(command).map(ForbiddenRule::name).orElse("none"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "git status", "git log --oneline", "git diff HEAD", "rm -rf /tmp/build", "rm -rf ./dist",
        "echo pushing on", "pushd /tmp", "supabase db diff", "ls /",
    })
    void shouldLetAnOrdinaryCommandPass(String command) {
        assertEquals("none", rules.check(command).map(ForbiddenRule::name).orElse("none"));
    }
}
