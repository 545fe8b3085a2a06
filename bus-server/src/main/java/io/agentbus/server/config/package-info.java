/**
 * Configuration: {@link io.agentbus.server.config.Setting} lists every setting with its default
 * and meaning; {@link io.agentbus.server.config.ServerConfig} is the one immutable, validated
 * set of values the daemon runs with. Values come from a config file, {@code AGENTBUS_*}
 * environment variables and command-line flags, later sources overriding earlier ones.
 */
package io.agentbus.server.config;
