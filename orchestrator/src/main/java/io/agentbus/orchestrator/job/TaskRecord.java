package io.agentbus.orchestrator.job;

import io.agentbus.orchestrator.plan.Assignment;
import java.util.ArrayList;
import java.util.List;

/** One task of a running job: its assignment and what happened to it. Confined to the job's thread. */
final class TaskRecord {
    final Assignment assignment;
    /** The worker the {@code task} message names as {@code assignee}, or {@code null}: any worker of the role. */
    final String addressee;
    /** The room offset of the {@code task} message once acknowledged; 0 before. */
    long sentOffset;
    /** Whether the task, addressed to a role, was sent again to a worker that joined after it (once only). */
    boolean resent;
    /** The offset of the worker's event that ended the task; {@link Long#MAX_VALUE} if something else ended it. */
    long endOffset = Long.MAX_VALUE;
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

    TaskRecord(Assignment assignment, boolean named) {
        this.assignment = assignment;
        this.addressee = named ? assignment.assignee() : null;
    }

    /** Whether the {@code task} message reaches worker {@code worker} of role {@code role}. */
    boolean routesTo(String worker, String role) {
        return addressee != null ? addressee.equals(worker) : assignment.role().equals(role);
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
