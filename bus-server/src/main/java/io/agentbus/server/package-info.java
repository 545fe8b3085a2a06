/**
 * The agentbus daemon: {@code AgentBusServer} wires the path of one message together and owns
 * every resource; {@code Main} is the command line that starts it.
 */
package io.agentbus.server;
