/**
 * The sequencer: one thread (an Agrona {@link org.agrona.concurrent.Agent}) that owns all bus
 * state and the journal. Event loops hand it {@link io.agentbus.server.sequencer.Command}s
 * through a lock-free MPSC queue; it assigns offsets, appends to the journal, acknowledges and
 * offers encoded frames to the members' delivery queues. Being the only writer is what makes
 * offsets gap-free and state changes ordered without locks.
 */
package io.agentbus.server.sequencer;
