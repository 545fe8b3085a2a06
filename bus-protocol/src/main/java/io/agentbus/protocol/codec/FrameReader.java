package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.ServerFrame;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes frames from UTF-8 JSON in one streaming pass, validating every field. Every fault,
 * malformed JSON included, is a {@link ProtocolException} with {@link ErrorCode#BAD_REQUEST},
 * a message that names the field, and the frame's {@code rid} when it carries a valid one.
 * Unknown fields are ignored. Thread-safe: one instance serves every connection.
 */
public final class FrameReader {
    /** The deepest nesting a frame may have; the frame object itself is level 1. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    private final JsonFactory factory;
    private final FrameScanner clientScanner;
    private final FrameScanner serverScanner;

    /** A reader that refuses frames nested deeper than {@link #DEFAULT_MAX_NESTING_DEPTH}. */
    public FrameReader() {
        this(DEFAULT_MAX_NESTING_DEPTH);
    }

    /** A reader that refuses frames nested deeper than {@code maxNestingDepth} (at least 2). */
    public FrameReader(int maxNestingDepth) {
        if (maxNestingDepth < 2) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 2: " + maxNestingDepth);
        }
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        this.clientScanner = new FrameScanner(factory, maxNestingDepth, false);
        this.serverScanner = new FrameScanner(factory, maxNestingDepth, true);
    }

    /** Decodes one client frame from {@code length} UTF-8 bytes at {@code offset}. */
    public ClientFrame readClient(byte[] utf8, int offset, int length) throws ProtocolException {
        return ClientDecoder.decode(scan(clientScanner, utf8, offset, length));
    }

    /** Decodes one client frame from the whole of {@code in}, which is left open. */
    public ClientFrame readClient(InputStream in) throws ProtocolException {
        return ClientDecoder.decode(scan(clientScanner, in));
    }

    /** Decodes one client frame from JSON text. */
    public ClientFrame readClient(String json) throws ProtocolException {
        return ClientDecoder.decode(scan(clientScanner, json));
    }

    /** Decodes one server frame from {@code length} UTF-8 bytes at {@code offset}. */
    public ServerFrame readServer(byte[] utf8, int offset, int length) throws ProtocolException {
        return ServerDecoder.decode(scan(serverScanner, utf8, offset, length));
    }

    /** Decodes one server frame from the whole of {@code in}, which is left open. */
    public ServerFrame readServer(InputStream in) throws ProtocolException {
        return ServerDecoder.decode(scan(serverScanner, in));
    }

    /** Decodes one server frame from JSON text. */
    public ServerFrame readServer(String json) throws ProtocolException {
        return ServerDecoder.decode(scan(serverScanner, json));
    }

    /**
     * Decodes a REST publish body: the fields of {@code pub} without {@code op} (ignored if
     * present) and without {@code room}, which comes from the URL and is validated here.
     * The result has no {@code rid}.
     */
    public Pub readPubBody(byte[] utf8, int offset, int length, String room) throws ProtocolException {
        FieldValues v = scan(clientScanner, utf8, offset, length);
        if (!Ids.isValid(room)) {
            v.fail("field 'room' must be " + FieldValues.ID_RULE);
        }
        v.throwIfFailed(null);
        Pub pub = ClientDecoder.pub(v, null, room);
        v.throwIfFailed(null);
        return pub;
    }

    private FieldValues scan(FrameScanner scanner, byte[] utf8, int offset, int length) {
        try (JsonParser p = factory.createParser(utf8, offset, length)) {
            return scanner.scanFrame(p);
        } catch (IOException e) {
            return unreadable();
        }
    }

    private FieldValues scan(FrameScanner scanner, InputStream in) {
        try (JsonParser p = factory.createParser(in)) {
            return scanner.scanFrame(p);
        } catch (IOException e) {
            return unreadable();
        }
    }

    private FieldValues scan(FrameScanner scanner, String json) {
        try (JsonParser p = factory.createParser(json)) {
            return scanner.scanFrame(p);
        } catch (IOException e) {
            return unreadable();
        }
    }

    private static FieldValues unreadable() {
        FieldValues v = new FieldValues();
        v.fail("malformed JSON: cannot read input");
        return v;
    }
}
