/**
 * Room artifacts: files of up to 10 MiB stored content-addressed by SHA-256 under the data
 * directory ({@link io.agentbus.server.artifact.ArtifactStore}, blocking I/O off the sequencer),
 * counted against a per-room quota and announced to the room as {@code artifact} messages
 * ({@link io.agentbus.server.artifact.ArtifactHandler}, on the sequencer).
 */
package io.agentbus.server.artifact;
