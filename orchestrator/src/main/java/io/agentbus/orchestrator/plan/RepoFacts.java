package io.agentbus.orchestrator.plan;

import java.util.Map;

/**
 * What a repository scan measured.
 *
 * @param files     source files (extensions the configuration knows as a language)
 * @param loc       their non-blank lines
 * @param languages files per language, most first
 * @param hasTests  whether any source file is a test (by directory or file name)
 */
public record RepoFacts(int files, long loc, Map<String, Integer> languages, boolean hasTests) {
}
