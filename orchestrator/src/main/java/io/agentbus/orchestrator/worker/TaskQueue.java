package io.agentbus.orchestrator.worker;

import io.agentbus.orchestrator.worker.bus.Assignment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The tasks a worker took and has not started yet, in the order they came. {@link #take} waits
 * while the queue is empty or paused (a {@code pause} for every task holds back the next one);
 * a task id already queued is not queued twice.
 */
final class TaskQueue {
    private final ArrayDeque<Assignment> tasks = new ArrayDeque<>();
    private boolean paused;
    private boolean closed;

    synchronized void offer(Assignment task) {
        if (closed || tasks.stream().anyMatch(t -> t.taskId().equals(task.taskId()))) {
            return;
        }
        tasks.addLast(task);
        notifyAll();
    }

    /** The next task, or {@code null} once closed. */
    synchronized Assignment take() {
        while (!closed && (paused || tasks.isEmpty())) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return closed ? null : tasks.removeFirst();
    }

    /** Removes the queued task {@code taskId} ({@code null}: every one) and returns what it removed. */
    synchronized List<Assignment> remove(String taskId) {
        List<Assignment> removed = new ArrayList<>();
        for (Iterator<Assignment> it = tasks.iterator(); it.hasNext(); ) {
            Assignment t = it.next();
            if (taskId == null || taskId.equals(t.taskId())) {
                removed.add(t);
                it.remove();
            }
        }
        return removed;
    }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    synchronized int size() {
        return tasks.size();
    }

    /** Closes the queue: {@link #take} returns {@code null}; returns the tasks that were waiting. */
    synchronized List<Assignment> close() {
        closed = true;
        List<Assignment> left = new ArrayList<>(tasks);
        tasks.clear();
        notifyAll();
        return left;
    }
}
