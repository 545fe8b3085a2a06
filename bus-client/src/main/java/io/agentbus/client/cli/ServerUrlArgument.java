package io.agentbus.client.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The server's WebSocket endpoint: a {@code ws://host:port/path} URL. */
final class ServerUrlArgument implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw notAServerUrl(value);
        }
        if (!"ws".equals(uri.getScheme()) || uri.getHost() == null) {
            throw notAServerUrl(value);
        }
        return uri;
    }

    private static TypeConversionException notAServerUrl(String value) {
        return new TypeConversionException("'" + value + "' is not a ws:// URL like ws://127.0.0.1:7070/ws");
    }
}
