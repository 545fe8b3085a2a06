/**
 * Test fixtures shared by the job and command tests: the daemon in-process, scripted worker
 * clients on real sockets, a log of what each room carried, and a local webhook receiver.
 */
package io.agentbus.orchestrator.it;
