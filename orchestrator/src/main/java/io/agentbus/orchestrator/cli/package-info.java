/**
 * The orchestration commands on picocli: {@code plan} (no bus), {@code orchestrate} (runs a job
 * over the bus until it ends) and {@code job pause|resume|stop} (control messages into a job's
 * room). {@link io.agentbus.orchestrator.cli.Main} is the launcher's main class. Exit statuses:
 * 0 done, 1 the job ended without completing every task, 2 no connection, 64 a bad command line,
 * config file or task.
 */
package io.agentbus.orchestrator.cli;
