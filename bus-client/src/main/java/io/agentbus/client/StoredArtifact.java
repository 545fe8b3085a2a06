package io.agentbus.client;

/**
 * An artifact upload was stored and announced.
 *
 * @param offset the offset of the announcement message in the room
 * @param sha256 the file's SHA-256 in lower-case hex; download it from {@code /api/v1/artifacts/{sha256}}
 */
public record StoredArtifact(String room, long offset, String sha256) {
}
