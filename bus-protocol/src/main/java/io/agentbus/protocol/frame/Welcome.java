package io.agentbus.protocol.frame;

/** {@code welcome}: the answer to {@code hello}. */
public record Welcome(String rid, String client, String session, String server, long heartbeatMs)
        implements ServerFrame {
    @Override
    public String op() {
        return "welcome";
    }
}
