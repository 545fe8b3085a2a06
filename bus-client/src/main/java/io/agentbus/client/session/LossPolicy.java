package io.agentbus.client.session;

/** What a connection lost after a request was sent means for that request. */
public enum LossPolicy {
    /** Send it again after the reconnect (publishes and direct messages; the server drops duplicate ids). */
    RESEND,
    /** Fail it with {@code ConnectionLostException}: its outcome is unknown. */
    FAIL,
    /** Forget it silently (internal requests that the reconnect redoes). */
    DROP
}
