package io.agentbus.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit statuses of the command-line client, listed in every command's {@code --help}. */
final class ExitCode {
    /** Done: every message published was acknowledged, every line printed. */
    static final int OK = 0;
    /** The server refused a request (an {@code error} frame or an HTTP error). */
    static final int REFUSED = 1;
    /** No connection within the timeout, or the connection failed before the server answered. */
    static final int CANNOT_CONNECT = 2;
    /** A bad command line, or a bad JSON body (sysexits {@code EX_USAGE}). */
    static final int USAGE = 64;
    /** A bug of the client: an unexpected exception (sysexits {@code EX_SOFTWARE}). */
    static final int SOFTWARE = 70;
    /** Standard input could not be read (sysexits {@code EX_IOERR}). */
    static final int INPUT_OUTPUT = 74;

    private ExitCode() {
    }

    /** The {@code Exit status:} section of every command's {@code --help}. */
    static Map<String, String> help() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(Integer.toString(OK), "done");
        help.put(Integer.toString(REFUSED), "the server refused a request, e.g. not_found or too_large");
        help.put(Integer.toString(CANNOT_CONNECT),
                "cannot connect, or the connection failed before the server answered");
        help.put(Integer.toString(USAGE), "bad command line, or a body that is not JSON");
        return help;
    }
}
