package io.agentbus.server.config;

/** A setting value chosen from a fixed list; {@link #configName()} is how it is written. */
interface Choice {
    String configName();
}
