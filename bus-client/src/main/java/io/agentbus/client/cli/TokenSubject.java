package io.agentbus.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.Ids;
import java.io.IOException;
import java.util.Base64;

/**
 * The {@code sub} claim of a JWT, read without verifying it (the server verifies): the client id
 * the commands say hello as when a token is given without {@code --client}, since the server only
 * admits a token's holder under the token's subject.
 */
final class TokenSubject {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TokenSubject() {
    }

    /** The token's subject if it is a JWT with a valid client id as {@code sub}, else {@code null}. */
    static String of(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(Base64.getUrlDecoder().decode(parts[1]))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("sub") && value == JsonToken.VALUE_STRING && Ids.isValid(p.getText())) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
