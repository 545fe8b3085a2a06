package io.agentbus.server.artifact;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Artifact files, content-addressed by SHA-256 under {@code data/artifacts/ab/abcdef…}. Writes
 * go to a temporary file first and are moved into place, so a reader never sees half a file.
 * Blocking file I/O: called from the artifact I/O executor, never from the sequencer.
 */
public final class ArtifactStore {
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;

    public ArtifactStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Stores the bytes (once per content) and returns their SHA-256 in hex. */
    public String store(byte[] data) throws IOException {
        String sha = sha256(data);
        Path target = pathOf(sha);
        if (Files.exists(target)) {
            return sha;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), sha, ".tmp");
        try {
            Files.write(tmp, data);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return sha;
    }

    /** The file of this digest (which may not exist). */
    public Path pathOf(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Whether {@code text} is a SHA-256 in lower-case hex (and so safe in a path). */
    public static boolean isSha256(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The SHA-256 of {@code data} in lower-case hex. */
    static String sha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
