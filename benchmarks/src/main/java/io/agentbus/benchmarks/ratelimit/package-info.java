/**
 * The rate limit check of each WebSocket frame, as the session handler makes it: in nanoseconds
 * per frame and, with {@code -prof gc}, bytes allocated per frame.
 */
package io.agentbus.benchmarks.ratelimit;
