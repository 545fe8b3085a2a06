package io.agentbus.client.cli;

import io.agentbus.protocol.Ids;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A room or client id on the command line, checked against the protocol's id rule. */
final class IdArgument implements ITypeConverter<String> {
    static final String RULE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    @Override
    public String convert(String value) {
        if (!Ids.isValid(value)) {
            throw new TypeConversionException("'" + value + "' is not an id matching " + RULE);
        }
        return value;
    }
}
