package io.agentbus.orchestrator.worker.run;

import io.agentbus.orchestrator.worker.agent.Pricing;
import io.agentbus.orchestrator.worker.agent.Recovery;
import io.agentbus.orchestrator.worker.output.AgentEvent;
import io.agentbus.orchestrator.worker.output.OutputParser;
import io.agentbus.orchestrator.worker.process.AgentProcess;
import io.agentbus.orchestrator.worker.rules.CostLedger;
import io.agentbus.orchestrator.worker.rules.ForbiddenOperations;
import io.agentbus.orchestrator.worker.rules.ForbiddenRule;
import io.agentbus.orchestrator.worker.rules.PermissionRecovery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleUnaryOperator;

/**
 * One run of the agent process: reads its output lines (stdout on one thread, stderr on another),
 * publishes its events, applies the rules to them (forbidden operation, cost cap, permission
 * error) and remembers why it was stopped, its last stderr lines and what it said at the end.
 */
final class Attempt {
    static final int STDERR_TAIL_LINES = 20;

    private final TaskEvents events;
    private final OutputParser parser;
    private final ForbiddenOperations forbidden;
    private final PermissionRecovery recovery;
    private final CostLedger ledger;
    private final Pricing pricing;
    private final DoubleUnaryOperator taskUsd;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final CountDownLatch attached = new CountDownLatch(1);
    private AgentProcess process;
    private StopReason stopReason = StopReason.NONE;
    private long stopRequestedNs;
    private Recovery chosenRecovery;
    private String agentFailure;
    private String summary;

    /** @param taskUsd adds a charge to the task's dollars and returns the task's total */
    Attempt(TaskEvents events, OutputParser parser, ForbiddenOperations forbidden, PermissionRecovery recovery,
            CostLedger ledger, Pricing pricing, DoubleUnaryOperator taskUsd) {
        this.events = events;
        this.parser = parser;
        this.forbidden = forbidden;
        this.recovery = recovery;
        this.ledger = ledger;
        this.pricing = pricing;
        this.taskUsd = taskUsd;
    }

    /**
     * The process is known once started and its {@code started} event published; output read
     * before waits for this. A stop already asked for is carried out.
     */
    void attach(AgentProcess started) {
        synchronized (this) {
            this.process = started;
            if (stopReason != StopReason.NONE) {
                started.terminate();
            }
        }
        attached.countDown();
    }

    /** Output is handled only once the process is attached and its {@code started} event is out. */
    private void awaitAttached() {
        boolean interrupted = false;
        while (true) {
            try {
                attached.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the agent to stop (SIGTERM to its group; the task run sends SIGKILL after the grace
     * period). The first reason wins.
     *
     * @return whether this call set the reason
     */
    synchronized boolean requestStop(StopReason reason) {
        if (stopReason != StopReason.NONE) {
            return false;
        }
        stopReason = reason;
        stopRequestedNs = System.nanoTime();
        if (process != null) {
            process.terminate();
        }
        return true;
    }

    synchronized StopReason stopReason() {
        return stopReason;
    }

    synchronized long stopRequestedNs() {
        return stopRequestedNs;
    }

    synchronized Recovery recovery() {
        return chosenRecovery;
    }

    /** What the agent said when it reported a failure, or {@code null}. */
    synchronized String agentFailure() {
        return agentFailure;
    }

    synchronized String summary() {
        return summary;
    }

    synchronized List<String> stderrTail() {
        return new ArrayList<>(stderrTail);
    }

    void stdout(String line) {
        awaitAttached();
        checkPermission(line);
        parser.line(line).forEach(this::onEvent);
    }

    void stderr(String line) {
        awaitAttached();
        synchronized (this) {
            if (stderrTail.size() == STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line);
        }
        checkPermission(line);
        events.stderr(line);
    }

    /** After the process's output ended: what the parser held back. */
    void outputEnded() {
        parser.end().forEach(this::onEvent);
    }

    private void checkPermission(String line) {
        Optional<Recovery> match = recovery.match(line);
        if (match.isPresent()) {
            synchronized (this) {
                if (requestStop(StopReason.RECOVERY)) {
                    chosenRecovery = match.get();
                }
            }
        }
    }

    private void onEvent(AgentEvent event) {
        switch (event.kind()) {
            case COST -> onCost(event);
            case TOOL_USE -> onToolUse(event);
            case COMPLETED -> {
                synchronized (this) {
                    summary = event.text();
                }
            }
            case FAILED -> {
                synchronized (this) {
                    agentFailure = event.text() != null ? event.text() : "the agent reported a failure";
                }
            }
            default -> events.agent(event);
        }
    }

    private void onToolUse(AgentEvent event) {
        events.agent(event);
        Optional<ForbiddenRule> broken = forbidden.check(event.command());
        if (broken.isPresent() && requestStop(StopReason.FORBIDDEN_OPERATION)) {
            events.blocker("forbidden_operation", "the agent tried a forbidden operation (" + broken.get().name()
                    + ") and was stopped", broken.get().name(), event.command());
        }
    }

    private void onCost(AgentEvent event) {
        CostLedger.Charge charge = ledger.charge(event, pricing);
        events.cost(charge, taskUsd.applyAsDouble(charge.usd()));
        if (charge.overCap() && requestStop(StopReason.COST_CAP)) {
            events.blocker("cost_cap", String.format(java.util.Locale.ROOT,
                    "the worker spent %.4f USD, over its cost cap of %.4f USD; the agent was stopped",
                    charge.workerUsd(), ledger.capUsd()), null, null);
        }
    }
}
