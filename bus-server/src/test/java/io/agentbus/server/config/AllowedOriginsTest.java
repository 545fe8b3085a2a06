package io.agentbus.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {
    @Test
    void shouldNormalizeOriginsAsBrowsersSendThem() {
        assertEquals("https://dash.example.com", AllowedOrigins.normalize("HTTPS://Dash.Example.com:443"));
        assertEquals("http://127.0.0.1:7070", AllowedOrigins.normalize("http://127.0.0.1:7070"));
        assertEquals("http://[::1]:7070", AllowedOrigins.normalize("http://[::1]:7070"));
        assertEquals("http://localhost", AllowedOrigins.normalize("http://localhost:80"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "file://", "dash.example.com", "ftp://x.example", "https://x.example/path",
            "https://user@x.example", "http://"})
    void shouldNotTakeWhatIsNoHttpOrigin(String origin) {
        assertNull(AllowedOrigins.normalize(origin));
    }

    @Test
    void shouldParseACommaListAndAStar() {
        AllowedOrigins list = config("https://a.example, http://b.example:8080 ,");
        assertTrue(list.allows("https://a.example"));
        assertTrue(list.allows("http://b.example:8080"));
        assertFalse(list.allows("http://b.example"));
        assertFalse(list.allowsAny());
        assertTrue(config("*").allows("http://whatever.example"));
        assertEquals(AllowedOrigins.NONE, config(""));
    }

    @Test
    void shouldRefuseAnEntryThatIsNoOriginNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("https://ok.example,dash.example.com"));
        assertEquals("ws.allowed.origins must list origins such as https://dash.example.com or http://127.0.0.1:8080"
                + " (scheme and host, no path), or *; not 'dash.example.com'", e.getMessage());
    }

    private static AllowedOrigins config(String list) {
        return ServerConfig.builder().set(Setting.WS_ALLOWED_ORIGINS, list).build().wsAllowedOrigins();
    }
}
