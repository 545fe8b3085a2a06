package io.agentbus.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A seeded source of hostile WebSocket traffic for one connection: mutated and random JSON, wrong
 * types, deep nesting, huge strings, binary frames, fragments, control frames, invalid UTF-8 and
 * protocol violations. The same seed writes the same frames. Rooms and client ids stay within
 * {@code fz-*} and {@code fuzz-*}.
 */
final class FuzzFrames {
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;
    private static final String[] CORPUS = {
        "{\"op\":\"hello\",\"rid\":\"h\",\"client\":\"fuzz-1\",\"token\":\"t\",\"inbox_since\":0}",
        "{\"op\":\"join\",\"rid\":\"j\",\"room\":\"fz-1\",\"role\":\"coder\",\"weight\":2,\"since\":0,\"echo\":false}",
        "{\"op\":\"leave\",\"rid\":\"l\",\"room\":\"fz-1\"}",
        "{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"fz-2\",\"channel\":\"main\",\"type\":\"chat\",\"priority\":\"low\","
                + "\"id\":\"m-1\",\"body\":{\"text\":\"hi\",\"n\":[1,2.5,true,null]}}",
        "{\"op\":\"history\",\"rid\":\"y\",\"room\":\"fz-2\",\"since\":0,\"limit\":5}",
        "{\"op\":\"send\",\"rid\":\"s\",\"to\":\"fuzz-2\",\"type\":\"dm\",\"priority\":\"high\",\"body\":\"x\"}",
        "{\"op\":\"ping\",\"rid\":\"g\"}",
        "{\"op\":\"propose\",\"rid\":\"q\",\"room\":\"fz-1\",\"title\":\"t\",\"options\":[\"a\",\"b\"],"
                + "\"rule\":\"majority\",\"deadline_ms\":60000}",
        "{\"op\":\"vote\",\"rid\":\"v\",\"room\":\"fz-1\",\"decision\":\"d-1\",\"choice\":\"a\"}",
        "{\"op\":\"artifact\",\"rid\":\"a\",\"room\":\"fz-3\",\"name\":\"f.txt\",\"content_type\":\"text/plain\","
                + "\"data\":\"aGVsbG8=\"}",
    };
    private static final String[] VALUES = {"null", "true", "0", "-1", "1e999", "9223372036854775808", "\"\"",
        "\"x\"", "[]", "{}", "[1,[2]]", "{\"a\":{}}", "\"\\u0000\"", "\"\\ud800\"", "1.5", "\"fz-1\""};
    private static final String PUNCTUATION = "{}[]\":,\\ 0a-";
    private static final String[] FIELDS = {"op", "rid", "room", "client", "to", "body", "since", "limit", "priority",
        "type", "channel", "id", "weight", "echo", "role", "decision", "choice", "data", "name", "inbox_since"};

    private final Random random;
    private final int largestMessageBytes;
    private final int connection;
    private int hellos;
    private boolean closing;

    FuzzFrames(long seed, int largestMessageBytes, int connection) {
        this.random = new Random(seed);
        this.largestMessageBytes = largestMessageBytes;
        this.connection = connection;
    }

    /** Says hello as a fresh fuzz client, as a reconnecting client would. */
    void hello(RawWebSocket socket) throws IOException {
        hellos++;
        socket.frame(true, 0, TEXT, utf8("{\"op\":\"hello\",\"client\":\"fuzz-" + connection + "-" + hellos + "\"}"),
                true);
    }

    /** Writes one frame (a fragmented message counts as its frames); returns how many were written. */
    int next(RawWebSocket socket) throws IOException {
        closing = false;
        int dice = random.nextInt(1000);
        if (dice < 250) {
            return text(socket, mutate(utf8(CORPUS[random.nextInt(CORPUS.length)])));
        } else if (dice < 400) {
            return text(socket, utf8(CORPUS[random.nextInt(CORPUS.length)]));
        } else if (dice < 500) {
            return text(socket, randomBytes(random.nextInt(200), true));
        } else if (dice < 590) {
            return text(socket, utf8(wrongTypes()));
        } else if (dice < 640) {
            return text(socket, utf8(deepNesting(65 + random.nextInt(5000))));
        } else if (dice < 670) {
            return text(socket, utf8(hugeString(1_000 + random.nextInt(70_000))));
        } else if (dice < 730) {
            socket.frame(true, 0, BINARY, randomBytes(random.nextInt(300), false), true);
            return 1;
        } else if (dice < 810) {
            return fragmented(socket, utf8(CORPUS[random.nextInt(CORPUS.length)]));
        } else if (dice < 870) {
            socket.frame(true, 0, PING, randomBytes(random.nextInt(126), false), true);
            return 1;
        } else if (dice < 900) {
            socket.frame(true, 0, PONG, randomBytes(random.nextInt(126), false), true);
            return 1;
        } else if (dice < 980) {
            return text(socket, utf8(random.nextBoolean() ? "" : " \t\n" + random.nextInt()));
        }
        return connectionBreaker(socket, random.nextInt(20));
    }

    /** Whether the last frame was one after which the server must close the connection. */
    boolean closing() {
        return closing;
    }

    /** The rare frames after which the server closes: about 2 % of all. */
    private int connectionBreaker(RawWebSocket socket, int which) throws IOException {
        closing = true;
        switch (which) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 ->
                socket.frame(true, 0, TEXT, new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'}, true);
            case 10 -> socket.frame(true, 0, PING, new byte[126 + random.nextInt(100)], true);
            case 11 -> socket.frame(false, 0, PING, new byte[3], true);
            case 12 -> socket.frame(true, 0, 3 + random.nextInt(5), new byte[4], true);
            case 13 -> socket.frame(true, 1 + random.nextInt(7), TEXT, utf8("{}"), true);
            case 14 -> socket.frame(true, 0, 0, utf8("orphan continuation"), true);
            case 15 -> socket.frame(true, 0, TEXT, utf8("{\"op\":\"ping\"}"), false);
            case 16 -> socket.frame(true, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}, true);
            case 17 -> {
                socket.frame(false, 0, TEXT, utf8("{\"op\":"), true);
                socket.frame(true, 0, TEXT, utf8("\"ping\"}"), true);
                return 2;
            }
            default -> socket.frame(true, 0, TEXT, new byte[largestMessageBytes + 1 + random.nextInt(1000)], true);
        }
        return 1;
    }

    private int text(RawWebSocket socket, byte[] payload) throws IOException {
        socket.frame(true, 0, TEXT, payload, true);
        return 1;
    }

    private int fragmented(RawWebSocket socket, byte[] message) throws IOException {
        int parts = 2 + random.nextInt(4);
        int at = 0;
        for (int i = 0; i < parts; i++) {
            int end = i == parts - 1 ? message.length : Math.min(message.length, at + random.nextInt(message.length / parts + 1));
            byte[] part = java.util.Arrays.copyOfRange(message, at, end);
            if (i > 0 && random.nextInt(4) == 0) {
                socket.frame(true, 0, PING, utf8("between"), true);
            }
            socket.frame(i == parts - 1, 0, i == 0 ? TEXT : 0, part, true);
            at = end;
        }
        return parts;
    }

    /** Flips, replaces, drops, inserts or repeats bytes, keeping the result valid UTF-8 (ASCII). */
    private byte[] mutate(byte[] json) {
        StringBuilder s = new StringBuilder(new String(json, StandardCharsets.US_ASCII));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> s.setCharAt(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                case 2 -> s.deleteCharAt(at);
                case 3 -> s.insert(at, VALUES[random.nextInt(VALUES.length)]);
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(20))));
            }
        }
        if (random.nextInt(10) == 0) {
            s.setLength(random.nextInt(s.length() + 1));
        }
        return utf8(s.toString());
    }

    private String wrongTypes() {
        StringBuilder s = new StringBuilder("{\"op\":");
        s.append(random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)]
                : "\"" + new String[] {"hello", "join", "pub", "send", "history", "vote", "propose", "leave"}
                        [random.nextInt(8)] + "\"");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            s.append(",\"").append(FIELDS[random.nextInt(FIELDS.length)]).append("\":")
                    .append(VALUES[random.nextInt(VALUES.length)]);
        }
        return s.append('}').toString();
    }

    private String deepNesting(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder("{\"op\":\"pub\",\"room\":\"fz-4\",\"body\":");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append('1');
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? ']' : '}');
        }
        return s.append('}').toString();
    }

    private String hugeString(int length) {
        char fill = (char) ('a' + random.nextInt(26));
        return "{\"op\":\"pub\",\"room\":\"fz-5\",\"body\":\"" + String.valueOf(fill).repeat(length) + "\"}";
    }

    private byte[] randomBytes(int length, boolean printable) {
        byte[] bytes = new byte[length];
        if (printable) {
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) (32 + random.nextInt(95));
            }
        } else {
            random.nextBytes(bytes);
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
