/**
 * The agent's process: started in a process group and session of its own through
 * {@code setsid}, with a watchdog in the group that kills it if the worker's JVM dies;
 * paused/resumed with SIGSTOP/SIGCONT to the whole group, stopped with SIGTERM then SIGKILL after
 * a grace period, and whatever it leaves in its group killed when it exits. Its standard output
 * and error are read line by line (bounded line length) on threads of its own. Linux only:
 * process groups are signalled with {@code kill(1)} and their members found in {@code /proc}.
 */
package io.agentbus.orchestrator.worker.process;
