package io.agentbus.server.auth;

import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revoked token ids ({@code jti}), one per line of a file ({@code #} comments and blank lines
 * skipped). A thread of its own ({@code agentbus-denylist}) looks at the file's modification time
 * and size every {@code auth.denylist.reload.ms} and reads it again when either changed. A file
 * that cannot be read at start stops the start; one that cannot be read later keeps the ids read
 * before (and says so in the log), so a botched edit never lets a revoked token back in.
 */
final class DenyList implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DenyList.class);
    /** No file: nothing revoked. */
    static final DenyList NONE = new DenyList(null, 0);

    private final Path file;
    private final ScheduledExecutorService watcher;
    private volatile Set<String> revoked = Set.of();
    private FileTime lastModified;
    private long lastSize = -1;

    private DenyList(Path file, long reloadMs) {
        this.file = file;
        if (file == null) {
            this.watcher = null;
            return;
        }
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agentbus-denylist");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, reloadMs, reloadMs, TimeUnit.MILLISECONDS);
    }

    /** Reads the file now and watches it from then on. */
    static DenyList watch(Path file, long reloadMs) {
        DenyList list = new DenyList(file, reloadMs);
        try {
            list.load();
        } catch (IOException e) {
            list.close();
            throw new ConfigException(Setting.AUTH_DENYLIST_FILE.key() + " " + file + (e instanceof NoSuchFileException
                    ? " does not exist (create it empty to revoke nothing yet)" : " cannot be read: " + e));
        }
        return list;
    }

    boolean isRevoked(String tokenId) {
        return revoked.contains(tokenId);
    }

    private void reloadIfChanged() {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            if (!now.lastModifiedTime().equals(lastModified) || now.size() != lastSize) {
                load();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("deny-list {} cannot be read, keeping the {} revoked token ids read before: {}", file,
                    revoked.size(), e.toString());
        }
    }

    private void load() throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        revoked = Set.copyOf(ids);
        lastModified = before.lastModifiedTime();
        lastSize = before.size();
        LOG.info("deny-list {}: {} revoked token ids", file, ids.size());
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
