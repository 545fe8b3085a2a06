package io.agentbus.orchestrator.job;

import io.agentbus.orchestrator.plan.Assignment;
import java.util.ArrayList;
import java.util.List;

/** One task of a running job: its assignment and what happened to it. Confined to the job's thread. */
final class TaskRecord {
    final Assignment assignment;
    TaskStatus status = TaskStatus.ASSIGNED;
    TaskStatus beforePause;
    String worker;
    long startedTs;
    long endedTs;
    double costUsd;
    long tokensIn;
    long tokensOut;
    String result;
    final List<String> notes = new ArrayList<>();
    JobReport child;

    TaskRecord(Assignment assignment) {
        this.assignment = assignment;
    }

    String id() {
        return assignment.taskId();
    }

    void end(TaskStatus to, long ts, String why) {
        if (status.terminal()) {
            return;
        }
        status = to;
        endedTs = ts;
        if (why != null) {
            notes.add(to.wireName() + ": " + why);
        }
    }

    void pause() {
        if (!status.terminal() && status != TaskStatus.PAUSED && status != TaskStatus.DELEGATED) {
            beforePause = status;
            status = TaskStatus.PAUSED;
        }
    }

    void resume() {
        if (status == TaskStatus.PAUSED) {
            status = beforePause == null ? TaskStatus.RUNNING : beforePause;
        }
    }
}
