/**
 * Where agents work: one directory per task under the worker's workspace root, or a
 * {@code git worktree} of a target repository on a branch of its own, so an agent never writes
 * into the user's checkout; and what it changed there — {@code git status --porcelain} in a git
 * work tree, a snapshot diff elsewhere — reported as {@code files_changed} of {@code completed}.
 * In a git workspace a moved HEAD or remote-tracking ref is a forbidden {@code git commit} or
 * {@code git push}, however the agent did it.
 */
package io.agentbus.orchestrator.worker.workspace;
