/**
 * The wire codec: decoding a typical {@code pub} on the event loop and encoding the {@code msg}
 * the sequencer sends, both in nanoseconds per frame and, with {@code -prof gc}, bytes allocated
 * per frame ({@code gc.alloc.rate.norm}).
 */
package io.agentbus.benchmarks.codec;
