package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.Setting;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser while a small load runs: it goes live, its numbers move, and
 * they agree with {@code /metrics}. Leaves a screenshot of the live page in {@code target/dashboard.png}.
 * Its room feed shows a room's newest messages, live, as text: {@code target/dashboard-feed.png}.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path FEED_SCREENSHOT = Path.of("target", "dashboard-feed.png");
    private static final String FEED_ROOM = "feed-room";
    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");
    /** What a message must never do to the page: its text goes in as text. */
    private static final String XSS = "<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2;alert(2)\">";
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

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldShowTheNewestMessagesOfARoomLiveAndAsText() throws Exception {
        ChromeDriver browser = Browser.start(1440, 1000);
        List<WsClient> clients = new ArrayList<>();
        // a fixed port, so that the page finds the daemon again after its restart
        try (TestServer server = TestServer.start(dir, Map.of(Setting.PORT, freePort()))) {
            WsClient orchestrator = server.hello("orchestrator-team");
            WsClient coder1 = server.hello("coder-1");
            WsClient coder2 = server.hello("coder-2");
            clients.addAll(List.of(orchestrator, coder1, coder2));
            coder1.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + FEED_ROOM + "\"}").reply("j");
            for (int i = 1; i <= 3; i++) { // older than the 50 the feed starts with
                pub(orchestrator, FEED_ROOM, "message", "normal", "{\"text\":\"early " + i + "\"}");
            }
            for (int i = 4; i <= 47; i++) {
                pub(coder1, FEED_ROOM, "progress", "normal",
                        "{\"type\":\"progress\",\"task_id\":\"t1\",\"message\":\"step " + i + "\"}");
            }
            pub(coder2, FEED_ROOM, "numbers", "low", "{\"n\":1,\"ok\":true}");
            pub(orchestrator, FEED_ROOM, "task", "normal",
                    "{\"type\":\"task\",\"task_id\":\"t1\",\"role\":\"coder\",\"title\":\"Add the parser\",\"prompt\":\"…\"}");
            pub(coder2, FEED_ROOM, "<i>chat</i>", "normal", "{\"text\":\"" + XSS.replace("\"", "\\\"") + "\"}");
            pub(coder2, FEED_ROOM, "blocker", "high",
                    "{\"type\":\"blocker\",\"task_id\":\"t2\",\"reason\":\"agent\",\"message\":\"need the API key\"}");
            pub(coder1, FEED_ROOM, "completed", "high",
                    "{\"type\":\"completed\",\"task_id\":\"t1\",\"summary\":\"Added hello() in hello.py.\",\"files_changed\":[\"hello.py\"]}");
            long last = pub(coder2, FEED_ROOM, "failed", "high",
                    "{\"type\":\"failed\",\"task_id\":\"t2\",\"reason\":\"exit\",\"message\":\"tests\\nfailed\",\"exit_code\":1}");
            assertEquals(53, last);
            pub(orchestrator, "other-room", "message", "normal", "{\"text\":\"elsewhere\"}");

            browser.get("http://127.0.0.1:" + server.port() + "/#room=" + FEED_ROOM);
            WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
            wait.until(b -> feedRows(b).size() == 50);
            coder1.await(f -> f.contains("\"op\":\"presence\"") && f.contains("\"event\":\"joined\"")
                    && f.contains("\"role\":\"observer\""));

            List<List<String>> rows = feedRows(browser);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(String.valueOf(53 - i), rows.get(i).get(0), "offsets, newest first: " + rows);
            }
            assertEquals(List.of("53", "coder-2", "high", "failed", "t2 · exit: tests failed", "ev-bad"), rows.get(0));
            assertEquals(List.of("52", "coder-1", "high", "completed", "t1 · Added hello() in hello.py.", "ev-ok"), rows.get(1));
            assertEquals(List.of("51", "coder-2", "high", "blocker", "t2 · need the API key", "ev-warn"), rows.get(2));
            assertEquals(List.of("50", "coder-2", "normal", "<i>chat</i>", XSS, ""), rows.get(3));
            assertEquals(List.of("49", "orchestrator-team", "normal", "task", "t1 · Add the parser", ""), rows.get(4));
            assertEquals(List.of("48", "coder-2", "low", "numbers", "{\"n\":1,\"ok\":true}", ""), rows.get(5));
            assertEquals(List.of("4", "coder-1", "normal", "progress", "t1 · step 4", ""), rows.get(49));
            assertNothingInjected(browser);
            assertTrue(browser.findElement(By.id("feed-members")).getText().contains("coder-1"), "members line");

            pub(orchestrator, FEED_ROOM, "job_end", "normal",
                    "{\"type\":\"job_end\",\"job\":\"j1\",\"status\":\"failed\",\"cost_usd\":0.5}");
            wait.until(b -> feedRows(b).get(0).get(0).equals("54"));
            assertEquals(List.of("54", "orchestrator-team", "normal", "job_end", "failed · $0.50", "ev-bad"), feedRows(browser).get(0));
            assertEquals(51, feedRows(browser).size());
            screenshot(browser.findElement(By.id("feed")).getScreenshotAs(OutputType.FILE).toPath(), FEED_SCREENSHOT);

            assertNoScriptErrors(browser);

            // the daemon restarts: the page reconnects, joins the room again and goes on, no row twice
            server.restart();
            WsClient member = server.hello("coder-1");
            clients.add(member);
            member.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"" + FEED_ROOM + "\"}").reply("j");
            pub(member, FEED_ROOM, "progress", "normal", "{\"type\":\"progress\",\"message\":\"after the restart\"}");
            wait.until(b -> feedRows(b).get(0).get(0).equals("55"));
            rows = feedRows(browser);
            assertEquals(52, rows.size(), "offsets 4 to 55, each once");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(String.valueOf(55 - i), rows.get(i).get(0));
            }
            assertEquals("after the restart", rows.get(0).get(4));

            // another room, chosen in the rooms table: the feed leaves this one
            wait.ignoring(StaleElementReferenceException.class).until(b -> {
                b.findElement(By.cssSelector("#rooms-body tr[data-room='other-room']")).click();
                return true;
            });
            member.await(f -> f.contains("\"op\":\"presence\"") && f.contains("\"event\":\"left\"")
                    && f.contains("\"role\":\"observer\""));
            wait.until(b -> feedRows(b).size() == 1);
            assertEquals(List.of("1", "orchestrator-team", "normal", "message", "elsewhere", ""), feedRows(browser).get(0));
            assertTrue(browser.getCurrentUrl().endsWith("#room=other-room"), browser.getCurrentUrl());
            assertNothingInjected(browser);
            // while the daemon restarted, Chromium logged its WebSocket's failures ("connection refused",
            // "Close received after close"): the network's, not the page's
            List<String> errors = browserErrors(browser);
            errors.removeIf(e -> e.contains("WebSocket connection to"));
            assertEquals(List.of(), errors, "errors in the browser's console");
        } finally {
            browser.quit();
            clients.forEach(WsClient::close);
        }
    }

    /** Publishes and waits for the ok: the messages get their offsets in the order of the calls. */
    private static long pub(WsClient client, String room, String type, String priority, String body) {
        String ok = client.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"" + room + "\",\"type\":\"" + type
                + "\",\"priority\":\"" + priority + "\",\"body\":" + body + "}").reply("p");
        Matcher m = OFFSET.matcher(ok);
        assertTrue(m.find(), ok);
        return Long.parseLong(m.group(1));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The feed's message rows, newest first: offset, from, priority, type, summary, highlight. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> feedRows(WebDriver browser) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#feed-body tr[data-offset]')].map(tr => ["
                        + "tr.dataset.offset, tr.querySelector('.from').textContent, tr.querySelector('.prio').textContent,"
                        + "tr.querySelector('.type').textContent, tr.querySelector('.summary').textContent,"
                        + "[...tr.classList].filter(c => c.startsWith('ev-')).join(' ')]);");
    }

    /** No alert came up, no script ran, and no element came out of a message. */
    private static void assertNothingInjected(ChromeDriver browser) {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertNull(browser.executeScript("return window.__xss === undefined ? null : String(window.__xss);"));
        assertEquals(0L, browser.executeScript(
                "return document.querySelectorAll('#feed-body script, #feed-body img, #feed-body i').length;"));
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
        assertEquals(List.of(), browserErrors(browser), "errors in the browser's console");
    }

    /** The browser's console errors since the last call. */
    private static List<String> browserErrors(ChromeDriver browser) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static void screenshot(ChromeDriver browser) throws Exception {
        screenshot(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT);
    }

    private static void screenshot(Path taken, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(taken, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
