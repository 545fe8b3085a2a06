/**
 * Rooms: their state (offsets and where each message sits in the journal, live members, last
 * roles, decisions, artifacts) and the handlers the sequencer runs for join, leave, publish and
 * history. Everything here runs on the sequencer thread; nothing here locks.
 */
package io.agentbus.server.room;
