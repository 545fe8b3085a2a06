package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.protocol.Ids;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The defaults the common options derive: the client id, the REST base URL. */
class CommonOptionsTest {
    @Test
    void shouldMakeTheDefaultClientIdFromUserAndPid() {
        assertEquals("cli-alice-4242", CommonOptions.defaultClientId("alice", 4242));
    }

    @Test
    void shouldReplaceWhatTheIdRuleForbidsInTheUserName() {
        assertEquals("cli-John_Doe_CORP_x.y-7", CommonOptions.defaultClientId("John Doe@CORP\\x.y", 7));
    }

    @Test
    void shouldShortenALongUserNameButKeepThePid() {
        String id = CommonOptions.defaultClientId("u".repeat(300), 123456);

        assertEquals(Ids.MAX_LENGTH, id.length());
        assertTrue(id.endsWith("u-123456"), id);
        assertTrue(Ids.isValid(id), id);
    }

    @Test
    void shouldFindTheRestEndpointOnTheWebSocketsHostAndPort() {
        assertEquals(URI.create("http://127.0.0.1:7070"), RestClient.httpBase(URI.create("ws://127.0.0.1:7070/ws")));
        assertEquals(URI.create("http://bus.example:80"), RestClient.httpBase(URI.create("ws://bus.example/ws")));
        assertEquals(URI.create("http://[::1]:7071"), RestClient.httpBase(URI.create("ws://[::1]:7071/ws")));
    }
}
