package io.agentbus.orchestrator.worker.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * What an agent changed in its workspace. In a git work tree: the paths {@code git status
 * --porcelain} reports, and whether HEAD moved ({@code git commit}) or a remote-tracking ref
 * moved ({@code git push}), both forbidden. Elsewhere: the files added, changed (size, time or
 * CRC-32 of the content) or deleted since {@link #start}, {@code .git} left out.
 */
public final class ChangeTracker {
    private final Path dir;
    private final boolean git;
    private final String head;
    private final String remotes;
    private final Map<String, String> snapshot;

    private ChangeTracker(Path dir, boolean git, String head, String remotes, Map<String, String> snapshot) {
        this.dir = dir;
        this.git = git;
        this.head = head;
        this.remotes = remotes;
        this.snapshot = snapshot;
    }

    /** Takes the state of {@code dir} before the agent runs. */
    public static ChangeTracker start(Path dir) throws WorkspaceException {
        if (Git.isTopOfWorkTree(dir)) {
            return new ChangeTracker(dir, true, head(dir), remotes(dir), Map.of());
        }
        return new ChangeTracker(dir, false, null, null, snapshot(dir));
    }

    /** The files changed since {@link #start}, relative to the workspace, sorted. */
    public List<String> changedFiles() throws WorkspaceException {
        return git ? gitStatus() : new ArrayList<>(diff(snapshot, snapshot(dir)));
    }

    /** {@code git commit} or {@code git push} if the agent did one in a git workspace (seen in its refs). */
    public Optional<String> forbiddenGitOperation() throws WorkspaceException {
        if (!git) {
            return Optional.empty();
        }
        if (!remotes.equals(remotes(dir))) {
            return Optional.of("git push");
        }
        return head.equals(head(dir)) ? Optional.empty() : Optional.of("git commit");
    }

    private List<String> gitStatus() throws WorkspaceException {
        String status = Git.run(dir, "status", "--porcelain=v1", "-z", "--untracked-files=all");
        TreeSet<String> files = new TreeSet<>();
        String[] entries = status.split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() < 4) {
                continue;
            }
            files.add(entry.substring(3));
            if (entry.charAt(0) == 'R' || entry.charAt(0) == 'C') {
                i++; // the rename's source follows
            }
        }
        return new ArrayList<>(files);
    }

    private static String head(Path dir) {
        try {
            return Git.run(dir, "rev-parse", "--verify", "--quiet", "HEAD").strip();
        } catch (WorkspaceException unbornBranch) {
            return "";
        }
    }

    private static String remotes(Path dir) throws WorkspaceException {
        return Git.run(dir, "for-each-ref", "--format=%(refname) %(objectname)", "refs/remotes");
    }

    private static TreeSet<String> diff(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> changed = new TreeSet<>();
        after.forEach((path, state) -> {
            if (!state.equals(before.get(path))) {
                changed.add(path);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(changed::add);
        return changed;
    }

    private static Map<String, String> snapshot(Path dir) throws WorkspaceException {
        Map<String, String> files = new HashMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.getFileName() != null && d.getFileName().toString().equals(".git") && !d.equals(dir)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    files.put(dir.relativize(file).toString(), attrs.size() + ":" + attrs.lastModifiedTime().toMillis()
                            + ":" + crc(file, attrs));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkspaceException("cannot read the workspace " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static long crc(Path file, BasicFileAttributes attrs) {
        if (!attrs.isRegularFile()) {
            return 0;
        }
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException unreadable) {
            return -1;
        }
        return crc.getValue();
    }
}
