package io.agentbus.benchmarks.sequencer;

import io.agentbus.benchmarks.TempDirectory;
import io.agentbus.benchmarks.TypicalMessage;
import io.agentbus.server.cluster.LocalOffsets;
import io.agentbus.server.config.Durability;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.decision.DecisionHandler;
import io.agentbus.server.dedup.RecentIds;
import io.agentbus.server.delivery.DeliveryQueue;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.RetentionPolicy;
import io.agentbus.server.room.Membership;
import io.agentbus.server.room.PublishHandler;
import io.agentbus.server.room.Room;
import io.agentbus.server.room.RoomFanout;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Handlers;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The server's sequencer with its publish path wired as {@code AgentBusServer} wires it (the
 * server's default queue capacities, dedup window, write buffer water marks and journal roll cycle,
 * read from {@link ServerConfig#DEFAULT}; a journal in a temporary directory), one room of members
 * and one publisher that is not a member. Every session sits on the accepted end of an in-VM
 * connection; a {@link CountingSink} at the other end counts the {@code msg} and {@code ok} frames
 * its drain wrote.
 */
final class InProcessRoom implements AutoCloseable {
    private static final ServerConfig DEFAULTS = ServerConfig.DEFAULT;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(DEFAULTS.writeBufferLowBytes(),
            DEFAULTS.writeBufferHighBytes());
    private static final long TIMEOUT_S = 60;
    private static final String RID = "1";

    private final int members;
    private final Durability durability;
    private final TempDirectory dir;
    private final EventLoopGroup loops;
    private final FrameEncoder encoder = new FrameEncoder(PooledByteBufAllocator.DEFAULT);
    /** Recorded as the daemon records, so the benchmark pays what the daemon pays. */
    private final BusMetrics metrics = new BusMetrics();
    private final LocalAddress address = new LocalAddress(InProcessRoom.class);
    private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    private final DeliveryCounter deliveries = new DeliveryCounter();
    private final DeliveryCounter acks = new DeliveryCounter();
    private final List<Channel> channels = new ArrayList<>();
    private Journal journal;
    private Sequencer sequencer;
    private Session publisher;
    private long published;

    InProcessRoom(int members, int ioThreads, Durability durability) throws IOException, InterruptedException {
        this.members = members;
        this.durability = durability;
        this.dir = new TempDirectory("", "agentbus-sequencer-bench");
        this.loops = new DefaultEventLoopGroup(ioThreads, new DefaultThreadFactory("bench-io"));
        try {
            open();
        } catch (InterruptedException | RuntimeException | Error e) {
            closeAfterFailure(e);
            throw e;
        }
    }

    private void open() throws InterruptedException {
        journal = new Journal(dir.path(), DEFAULTS.rollCycle(), durability, 0, RetentionPolicy.KEEP_ALL);
        journal.recordAppendLatency(metrics.journalAppend());
        bind();
        BusState state = new BusState();
        EpochClock clock = SystemEpochClock.INSTANCE;
        sequencer = new Sequencer(DEFAULTS.ingressQueueCapacity(), handlers(state, clock), clock,
                metrics.ingressWait());
        Room room = state.roomOrCreate(TypicalMessage.ROOM);
        for (int i = 0; i < members; i++) {
            room.join(new Membership(connect("member-" + i), "agent", 1, true));
        }
        publisher = connect("publisher");
        sequencer.start();
    }

    private Handlers handlers(BusState state, EpochClock clock) {
        RoomFanout fanout = new RoomFanout(encoder);
        RecentIds recentIds = new RecentIds(DEFAULTS.dedupWindowMs(), DEFAULTS.dedupMaxIds());
        GroupCommit commit = new GroupCommit(journal, durability);
        return new Handlers(state, null, new PublishHandler(state, journal, encoder, fanout, clock, recentIds, commit,
                metrics.publishAck(), LocalOffsets.INSTANCE), null, new DecisionHandler(state, journal, fanout, clock), null, commit);
    }

    private void bind() throws InterruptedException {
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(LocalServerChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        accepted.add(ch);
                    }
                })
                .bind(address)
                .sync()
                .channel();
        channels.add(server);
    }

    /** A session on a new connection whose far end counts the deliveries and acks it receives. */
    private Session connect(String id) throws InterruptedException {
        channels.add(new Bootstrap().group(loops).channel(LocalChannel.class)
                .handler(new CountingSink(deliveries, acks)).connect(address).sync().channel());
        Channel channel = accepted.poll(TIMEOUT_S, TimeUnit.SECONDS);
        if (channel == null) {
            throw new IllegalStateException("connection " + id + " was not accepted within " + TIMEOUT_S + " s");
        }
        channels.add(channel);
        DeliveryQueue delivery = new DeliveryQueue(channel, DEFAULTS.deliveryQueueCapacity(),
                DEFAULTS.deliveryQueueBytes(), encoder, (client, offset) -> { },
                sequencer.drainBatch(), metrics);
        channel.pipeline().addLast(new DrainOnWritable(delivery));
        return new Session(id, channel, delivery, encoder, metrics);
    }

    /**
     * Publishes {@code count} typical messages (each with a new id) and returns once the publisher
     * has every acknowledgement and every member every message.
     *
     * @return the frames the members received
     */
    long publishAndAwait(int count) {
        long deliveredBefore = deliveries.count();
        long acksBefore = acks.count();
        for (int i = 0; i < count; i++) {
            published++;
            submit(new Command.Publish(publisher, publisher, TypicalMessage.FROM,
                    TypicalMessage.pub(RID, TypicalMessage.FROM + "-" + published)));
        }
        acks.await(acksBefore + count, TIMEOUT_S, TimeUnit.SECONDS);
        deliveries.await(deliveredBefore + (long) count * members, TIMEOUT_S, TimeUnit.SECONDS);
        return deliveries.count() - deliveredBefore;
    }

    /** Acknowledgements ({@code ok} frames) the publisher received so far. */
    long acknowledged() {
        return acks.count();
    }

    /** Messages ({@code msg} frames) the members received so far. */
    long delivered() {
        return deliveries.count();
    }

    private void submit(Command command) {
        while (!sequencer.submit(command)) {
            Thread.onSpinWait();
        }
    }

    private void closeAfterFailure(Throwable failure) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (sequencer != null) {
                sequencer.stop();
            }
            for (Channel channel : channels) {
                channel.close().syncUninterruptibly();
            }
            loops.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS).syncUninterruptibly();
            if (journal != null) {
                journal.close();
            }
        } finally {
            dir.close();
        }
    }
}
