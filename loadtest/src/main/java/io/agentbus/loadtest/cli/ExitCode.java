package io.agentbus.loadtest.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit statuses of {@code agentbus loadtest}, listed in every command's {@code --help}. */
final class ExitCode {
    /** The run passed: every connection ready, nothing lost or duplicated, no error. */
    static final int OK = 0;
    /** The run failed: loss, duplicates, errors, or connections that never got ready. */
    static final int FAILED = 1;
    /** A bad command line (picocli's usage status). */
    static final int USAGE = 2;
    /** A bug of the harness: an unexpected exception (sysexits {@code EX_SOFTWARE}). */
    static final int SOFTWARE = 70;
    /** The output directory or a file in it could not be written (sysexits {@code EX_IOERR}). */
    static final int INPUT_OUTPUT = 74;

    private ExitCode() {
    }

    static Map<String, String> help() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(Integer.toString(OK), "the run passed: all connections ready, nothing lost or duplicated, no error");
        help.put(Integer.toString(FAILED), "loss, duplicates, errors, or connections that never got ready");
        help.put(Integer.toString(USAGE), "bad command line");
        help.put(Integer.toString(INPUT_OUTPUT), "the output directory could not be written");
        return help;
    }
}
