package io.agentbus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Room patterns and rights as a token's claims give them. */
class GrantsTest {
    @Test
    void shouldMatchExactIdsPrefixesAndStar() {
        Grants g = Grants.of(Map.of("ci", List.of("sub"), "build-*", List.of("pub", "admin")), false);
        assertTrue(g.allows("ci", Right.SUB));
        assertFalse(g.allows("ci2", Right.SUB));
        assertFalse(g.allows("ci", Right.PUB));
        assertTrue(g.allows("build-7", Right.PUB));
        assertTrue(g.allows("build-7", Right.ADMIN));
        assertFalse(g.allows("build-7", Right.SUB));
        assertFalse(g.allows("builds", Right.PUB));
        assertFalse(g.directMessages());
        Grants all = Grants.of(Map.of("*", List.of("sub")), true);
        assertTrue(all.allows("anything", Right.SUB));
        assertTrue(all.directMessages());
        assertFalse(all.isEverything());
    }

    @Test
    void shouldRefuseBadPatternsAndRights() {
        for (String pattern : List.of("a*b", "**", "*a", "bad room*", "", "-x*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Grants.of(Map.of(pattern, List.of("sub")), false), pattern);
            assertTrue(e.getMessage().startsWith("room pattern '" + pattern + "' must be"), e.getMessage());
        }
        assertEquals("room pattern 'x' has unknown right 'read': rights are sub, pub, admin",
                assertThrows(IllegalArgumentException.class,
                        () -> Grants.of(Map.of("x", List.of("read")), false)).getMessage());
    }
}
