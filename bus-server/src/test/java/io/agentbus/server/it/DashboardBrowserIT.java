package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser while a small load runs: it goes live, its numbers move, and
 * they agree with {@code /metrics}. Leaves a screenshot of the live page in {@code target/dashboard.png}.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int ROOMS = 4;
    private static final int MEMBERS_PER_ROOM = 3;
    private static final int PUBLISHES_PER_TICK = ROOMS;
    private static final long TICK_MS = 50;
    /** Messages the load publishes per second: 4 every 50 ms. */
    private static final double RATE = PUBLISHES_PER_TICK * 1000.0 / TICK_MS;
    /** How many seconds of load the charts show when the screenshot is taken. */
    private static final int SECONDS_ON_SCREEN = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldShowLiveNumbersThatMoveAndMatchTheMetrics() throws Exception {
        ChromeDriver browser = Browser.start(1440, 1400);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        List<WsClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(dir)) {
            startLoad(server, clients, load);
            browser.get("http://127.0.0.1:" + server.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
            wait.until(b -> b.findElement(By.id("link")).getDomAttribute("class").contains("up"));
            wait.until(b -> number(b, "in-total") > 0 && number(b, "delivery-p99") > 0);

            double firstTotal = number(browser, "in-total");
            wait.until(b -> number(b, "in-total") > firstTotal);
            assertTrue(number(browser, "in-rate") > 0, "messages in per second");
            wait.until(b -> number(b, "in-total") >= SECONDS_ON_SCREEN * RATE);
            screenshot(browser);

            MetricsText metrics = MetricsText.parse(server.get("/metrics").body());
            double pageTotal = number(browser, "in-total");
            double metricsTotal = metrics.sum("agentbus_messages_in_total")
                    + metrics.value("agentbus_direct_messages_in_total");
            assertEquals(metricsTotal, pageTotal, RATE * 3, "messages in since the start, page vs /metrics");
            assertEquals(metrics.value("agentbus_connections"), number(browser, "connections"),
                    "the load's connections and the dashboard's own");
            assertEquals(metrics.value("agentbus_rooms"), number(browser, "rooms"));
            assertEquals(ROOMS, browser.findElements(By.cssSelector("#rooms-body tr[data-room]")).size());
            assertTrue(number(browser, "journal-bytes") > 0, "journal size shown");
            assertTrue(number(browser, "disk-free") > 0, "free disk shown");
            assertNoScriptErrors(browser);
        } finally {
            browser.quit();
            load.shutdownNow();
            clients.forEach(WsClient::close);
        }
    }

    /** {@value #ROOMS} rooms of {@value #MEMBERS_PER_ROOM} members; one of each room publishes every tick. */
    private static void startLoad(TestServer server, List<WsClient> clients, ScheduledExecutorService load) {
        List<WsClient> publishers = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            for (int m = 0; m < MEMBERS_PER_ROOM; m++) {
                WsClient client = server.hello("load-" + r + "-" + m);
                client.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"room-" + r + "\"}").reply("j");
                clients.add(client);
                if (m == 0) {
                    publishers.add(client);
                }
            }
        }
        AtomicLong sent = new AtomicLong();
        load.scheduleAtFixedRate(() -> {
            for (int r = 0; r < ROOMS; r++) {
                publishers.get(r).send("{\"op\":\"pub\",\"room\":\"room-" + r + "\",\"body\":{\"n\":"
                        + sent.incrementAndGet() + "}}");
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private static double number(WebDriver browser, String id) {
        return Double.parseDouble(browser.findElement(By.id(id)).getDomAttribute("data-value"));
    }

    private static void assertNoScriptErrors(ChromeDriver browser) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "errors in the browser's console");
    }

    private static void screenshot(ChromeDriver browser) throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
