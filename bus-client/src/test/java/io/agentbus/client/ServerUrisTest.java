package io.agentbus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL lists of {@code --url} and {@link AgentBusClient#builder(List, String)}. */
class ServerUrisTest {
    private static final URI A = URI.create("ws://127.0.0.1:7070/ws");
    private static final URI B = URI.create("ws://127.0.0.1:7071/ws");

    @Test
    void shouldParseOneUrl() {
        assertEquals(List.of(A), ServerUris.parse("ws://127.0.0.1:7070/ws"));
    }

    @Test
    void shouldParseAListInOrderAllowingSpacesAroundCommas() {
        assertEquals(List.of(B, A), ServerUris.parse("ws://127.0.0.1:7071/ws , ws://127.0.0.1:7070/ws"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                              | entry 1 of the URL list '' is empty",
        "ws://a:1/ws,,ws://b:1/ws                        | entry 2 of the URL list 'ws://a:1/ws,,ws://b:1/ws' is empty",
        "ws://a:1/ws,                                    | entry 2 of the URL list 'ws://a:1/ws,' is empty",
        "' ,ws://a:1/ws'                                 | entry 1 of the URL list ' ,ws://a:1/ws' is empty",
        "ws://a:1/ws,http://b:1/                         | 'http://b:1/' is not a ws:// URL like ws://127.0.0.1:7070/ws",
        "ws:///ws                                        | 'ws:///ws' is not a ws:// URL like ws://127.0.0.1:7070/ws",
        "ws://a b:1/ws                                   | 'ws://a b:1/ws' is not a URL: Illegal character in authority",
        "ws://a:1/ws,ws://a:1/ws                         | the server URI ws://a:1/ws is listed twice",
    })
    void shouldRefuseAMalformedListNamingTheFaultyEntry(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerUris.parse(text));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void shouldRefuseAnEmptyListAndANullEntryForTheBuilder() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> AgentBusClient.builder(List.of(), "c"));
        assertThrows(NullPointerException.class, () -> AgentBusClient.builder(Arrays.asList(A, null), "c"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> AgentBusClient.builder(List.of(A, B, A), "c"));

        assertEquals("no server URI given: name at least one ws:// URL", empty.getMessage());
        assertEquals("the server URI " + A + " is listed twice", twice.getMessage());
    }
}
