package io.agentbus.loadtest.scenario;

import io.agentbus.loadtest.measure.HarnessGc;
import io.agentbus.loadtest.measure.IntervalListener;
import io.agentbus.loadtest.measure.IntervalReporter;
import io.agentbus.loadtest.measure.LatencyRange;
import io.agentbus.loadtest.measure.LoopMetrics;
import io.agentbus.loadtest.measure.RunClock;
import io.agentbus.loadtest.measure.Totals;
import io.agentbus.loadtest.payload.PayloadWriter;
import io.agentbus.loadtest.adapter.TargetSession;
import io.agentbus.loadtest.transport.EventLoops;
import io.agentbus.loadtest.transport.WsConnector;
import io.agentbus.loadtest.transport.WsEndpoint;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The harness of one run: event loops, their metrics, the reporter, the watch on its own garbage
 * collections, and the plan's connections.
 * {@link #connect()} opens them, {@link #run(PhaseSpec)} publishes, {@link #close()} closes
 * everything in reverse order.
 */
public final class Harness implements AutoCloseable, Member.Lifecycle {
    private static final long REPORT_PERIOD_MS = 1000;
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final String NOT_READY_IN_TIME = "not ready within the connect timeout";

    private final RunSettings settings;
    private final LoadPlan plan;
    private final RunClock clock;
    private final EventLoops loops;
    private final List<LoopMetrics> metrics = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final List<PublishTicker> tickers = new ArrayList<>();
    private final IntervalReporter reporter;
    private final HarnessGc gc = HarnessGc.start();
    private final Semaphore connecting;
    private final CountDownLatch settled;
    private volatile boolean closing;

    private Harness(RunSettings settings, LoadPlan plan, RunClock clock, List<IntervalListener> listeners) {
        this.settings = settings;
        this.plan = plan;
        this.clock = clock;
        this.loops = EventLoops.start(settings.threads());
        for (int i = 0; i < loops.loops().size(); i++) {
            metrics.add(new LoopMetrics());
            tickers.add(new PublishTicker(loops.loops().get(i), clock));
        }
        for (MemberPlan m : plan.members()) {
            int audience = m.publishes() ? plan.audience(m.publisherIndex()) : 0;
            Member member = new Member(m, audience, metrics.get(m.index() % metrics.size()), clock, this);
            members.add(member);
            if (m.publishes()) {
                tickers.get(m.index() % tickers.size()).add(member);
            }
        }
        this.reporter = new IntervalReporter(metrics, clock, listeners);
        this.connecting = new Semaphore(settings.connectConcurrency());
        this.settled = new CountDownLatch(plan.connections());
    }

    /** Starts the event loops and the reporter; connects nothing yet. */
    public static Harness start(RunSettings settings, LoadPlan plan, RunClock clock,
                                List<IntervalListener> listeners) {
        Harness harness = new Harness(settings, plan, clock, listeners);
        harness.reporter.start(REPORT_PERIOD_MS);
        return harness;
    }

    /** Opens every connection of the plan (bounded concurrency, optional rate) and waits until all are ready or failed. */
    public ConnectReport connect() {
        long start = clock.nowNanos();
        long deadline = start + settings.connectTimeoutNanos();
        List<WsConnector> connectors = new ArrayList<>();
        for (WsEndpoint endpoint : settings.endpoints()) {
            connectors.add(new WsConnector(loops, endpoint));
        }
        PayloadWriter payload = new PayloadWriter(settings.bodyBytes());
        for (Member member : members) {
            int index = member.plan().index();
            if (!awaitTurn(index, start, deadline)) {
                break;
            }
            open(member, connectors.get(index % connectors.size()), settings.endpointFor(index), payload);
        }
        awaitSettled(deadline);
        return connectReport(start);
    }

    private boolean awaitTurn(int index, long start, long deadline) {
        if (settings.connectRatePerSecond() > 0) {
            clock.sleepUntil(start + (long) (index * 1e9 / settings.connectRatePerSecond()));
        }
        try {
            return connecting.tryAcquire(Math.max(0, deadline - clock.nowNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void open(Member member, WsConnector connector, WsEndpoint endpoint, PayloadWriter payload) {
        TargetSession session = settings.target().open(member.plan().spec(), member, payload);
        member.session(session);
        ChannelFuture connected = connector.connect(member.plan().index(), session);
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                session.onFailure("cannot connect to " + endpoint.uri() + ": " + f.cause().getMessage());
            }
        });
    }

    private void awaitSettled(long deadline) {
        try {
            settled.await(Math.max(0, deadline - clock.nowNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConnectReport connectReport(long start) {
        Histogram setup = LatencyRange.newHistogram();
        int ready = 0;
        long lastReady = start;
        String firstFailure = null;
        for (Member m : members) {
            m.giveUp(NOT_READY_IN_TIME);
            if (m.isReady()) {
                ready++;
                setup.recordValue(Math.min(LatencyRange.HIGHEST_MICROS, m.connectNanos() / 1000));
                lastReady = Math.max(lastReady, m.readyAtNanos());
            } else {
                firstFailure = firstFailure != null ? firstFailure : m.failure() != null ? m.failure() : NOT_READY_IN_TIME;
            }
        }
        return new ConnectReport(members.size(), ready, members.size() - ready, firstFailure, lastReady - start, setup);
    }

    /** Publishes one phase, waits for its deliveries, and returns what it measured. */
    public PhaseResult run(PhaseSpec spec) {
        return new Phase(this, spec).run();
    }

    @Override
    public void settled(Member member) {
        connecting.release();
        settled.countDown();
    }

    @Override
    public boolean closing() {
        return closing;
    }

    RunClock clock() {
        return clock;
    }

    RunSettings settings() {
        return settings;
    }

    LoadPlan plan() {
        return plan;
    }

    List<Member> members() {
        return members;
    }

    List<PublishTicker> tickers() {
        return tickers;
    }

    IntervalReporter reporter() {
        return reporter;
    }

    HarnessGc gc() {
        return gc;
    }

    /** Every counter now. */
    public Totals totals() {
        return Totals.sum(metrics);
    }

    /** The transport in use: {@code epoll} or {@code nio}. */
    public String transportName() {
        return loops.transportName();
    }

    /** Seconds since the run's origin. */
    public double elapsedSeconds() {
        return clock.nowNanos() / 1e9;
    }

    /** Waits (the calling thread) for {@code nanos}. */
    public void sleepFor(long nanos) {
        clock.sleepUntil(clock.nowNanos() + nanos);
    }

    /** Closes every connection with status 1000, then stops the reporter and the event loops. */
    @Override
    public void close() {
        closing = true;
        for (PublishTicker ticker : tickers) {
            ticker.stop();
        }
        List<ChannelFuture> closed = new ArrayList<>();
        for (Member m : members) {
            ChannelFuture f = m.session() == null ? null : m.session().close();
            if (f != null) {
                closed.add(f);
            }
        }
        long deadline = clock.nowNanos() + CLOSE_WAIT_NANOS;
        for (ChannelFuture f : closed) {
            f.awaitUninterruptibly(Math.max(0, deadline - clock.nowNanos()), TimeUnit.NANOSECONDS);
        }
        reporter.close();
        loops.close();
        gc.close();
    }
}
