/**
 * {@code agentbus worker}: the command line of the worker runner (picocli), which builds a
 * {@link io.agentbus.orchestrator.worker.Worker} from its flags and the agent config, runs it
 * until a signal or {@code --max-tasks}, and stops its agents before it exits (a shutdown hook
 * covers SIGTERM and Ctrl-C). Bad flags and config files are usage errors (exit 64), a bus it
 * cannot reach exits 2.
 */
package io.agentbus.orchestrator.worker.cli;
