package io.agentbus.client.cli;

import io.agentbus.client.ServerUris;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --url}: a {@code ws://host:port/path} URL, or several separated by commas (the nodes of
 * a cluster); an empty entry, an entry that is not a {@code ws://} URL, or one listed twice is
 * refused with a message that names it.
 */
final class ServerUrlArgument implements ITypeConverter<ServerUrls> {
    @Override
    public ServerUrls convert(String value) {
        try {
            return new ServerUrls(ServerUris.parse(value));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
