package io.agentbus.orchestrator.worker.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One directory per task, {@code ROOT/JOB/TASK}; with a target repository, a {@code git worktree}
 * of it on branch {@code agentbus/JOB/TASK}, so that agents never write into the user's
 * checkout. Job and task ids are made safe as path and branch names (characters other than
 * letters, digits, {@code .}, {@code _} and {@code -} become {@code _}; no {@code ..}, no leading
 * dot). A directory that exists already is used as it is (a task run again continues there).
 */
public final class Workspaces {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]|\\.\\.+");

    private final Path root;
    private final Path target;

    /**
     * @param root   where task directories are made
     * @param target a git repository to make worktrees of, or {@code null} for plain directories
     */
    public Workspaces(Path root, Path target) {
        this.root = root.toAbsolutePath().normalize();
        this.target = target == null ? null : target.toAbsolutePath().normalize();
    }

    /** The target repository, or {@code null}. */
    public Path target() {
        return target;
    }

    /** Makes (or finds) the directory of task {@code taskId} of {@code job}. */
    public Path prepare(String job, String taskId) throws WorkspaceException {
        Path dir = root.resolve(safe(job)).resolve(safe(taskId));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new WorkspaceException("cannot create " + dir.getParent() + ": " + e.getMessage(), e);
        }
        if (target == null) {
            try {
                return Files.createDirectory(dir);
            } catch (IOException e) {
                throw new WorkspaceException("cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
        return worktree(dir, "agentbus/" + safe(job) + "/" + safe(taskId));
    }

    private Path worktree(Path dir, String branch) throws WorkspaceException {
        if (!Git.isTopOfWorkTree(target)) {
            throw new WorkspaceException("--target " + target + " is not the top directory of a git repository");
        }
        boolean exists;
        try {
            Git.run(target, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
            exists = true;
        } catch (WorkspaceException noSuchBranch) {
            exists = false;
        }
        if (exists) {
            Git.run(target, "worktree", "add", dir.toString(), branch);
        } else {
            Git.run(target, "worktree", "add", "-b", branch, dir.toString());
        }
        return dir;
    }

    /** {@code id} as a safe path and branch name component. */
    static String safe(String id) {
        String safe = UNSAFE.matcher(id).replaceAll("_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }
}
