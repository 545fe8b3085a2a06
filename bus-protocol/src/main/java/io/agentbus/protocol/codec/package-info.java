/**
 * The JSON codec of the wire protocol: {@link io.agentbus.protocol.codec.FrameReader} decodes
 * and validates frames, {@link io.agentbus.protocol.codec.FrameWriter} encodes them.
 *
 * <p>It uses jackson-core's streaming parser and generator, not databind: decoding is a single
 * pass over the tokens into one slot per known field, and no tree or reflection runs per
 * message on the hot path. The body is copied token by token into compact JSON text and written
 * back raw, so it is never re-modelled; numbers in it keep their exact text.
 *
 * <p>Validation collects every field first and remembers only the first fault, so the
 * {@code rid} is found wherever it sits in the object and the error reply can echo it. Limits
 * (nesting depth, number length) are jackson {@code StreamReadConstraints}, set once per reader.
 * The JSON is strict (jackson defaults: no comments, no single quotes, no trailing commas).
 * Duplicate keys are not rejected: the last one wins.
 */
package io.agentbus.protocol.codec;
