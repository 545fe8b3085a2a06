/**
 * Configuration: {@link io.agentbus.server.config.Setting} lists every setting with its default
 * and meaning; {@link io.agentbus.server.config.ServerConfig} is the one immutable, validated
 * set of values the daemon runs with. {@link io.agentbus.server.config.ConfigLoader} resolves
 * the values from a config file, {@code AGENTBUS_*} environment variables and command-line flags,
 * later sources overriding earlier ones, and remembers where each came from so that an error
 * names the setting, its source (file:line, variable or flag) and the bad value.
 * {@link io.agentbus.server.config.StartOptions} generates the {@code agentbus start} command line
 * from {@code Setting}, so a new setting is a flag and a line of {@code --help} by itself.
 */
package io.agentbus.server.config;
