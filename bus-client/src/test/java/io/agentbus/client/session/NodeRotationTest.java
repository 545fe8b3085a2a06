package io.agentbus.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRotationTest {
    @Test
    void shouldStartWithTheFirstAndGoRoundRobin() {
        NodeRotation<String> nodes = new NodeRotation<>(List.of("a", "b", "c"));
        List<String> tried = new ArrayList<>(List.of(nodes.current()));

        for (int i = 0; i < 6; i++) {
            tried.add(nodes.advance());
        }

        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), tried);
    }

    @Test
    void shouldStayOnASingleNode() {
        NodeRotation<String> nodes = new NodeRotation<>(List.of("only"));

        assertEquals("only", nodes.advance());
        assertEquals("only", nodes.advance());
        assertEquals("only", nodes.current());
    }

    @Test
    void shouldRefuseNoNodes() {
        assertThrows(IllegalArgumentException.class, () -> new NodeRotation<>(List.of()));
    }
}
