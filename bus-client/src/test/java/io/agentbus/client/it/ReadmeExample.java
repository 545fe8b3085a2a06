package io.agentbus.client.it;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Joined;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The program README.md shows, line for line (README's copy has no package line and uses its own URI). */
public class ReadmeExample {
    public static void main(String[] args) throws Exception {
        URI bus = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:7070/ws");
        CountDownLatch echoed = new CountDownLatch(1);
        try (AgentBusClient client = AgentBusClient.builder(bus, "coder-1")
                .onMessage(m -> {
                    System.out.printf("[%s #%d] %s: %s%n", m.room(), m.offset(), m.from(), m.bodyJson());
                    echoed.countDown();
                })
                .connect()) {                                     // waits for the server's welcome
            Joined joined = client.join("build-42", "coder").get();
            System.out.println("joined build-42 at offset " + joined.lastOffset() + " with "
                    + joined.members().size() + " member(s)");
            Published published = client.publish("build-42", Message.text("tests are green")).get();
            System.out.println("published at offset " + published.offset());
            echoed.await(5, TimeUnit.SECONDS);                    // our own message comes back to us
        }
    }
}
