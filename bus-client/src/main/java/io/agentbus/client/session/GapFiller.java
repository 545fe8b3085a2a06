package io.agentbus.client.session;

import io.agentbus.client.error.AgentBusException;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.ServerFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the offsets of a {@code dropped} range, or of a gap a rejoin's replay left, with
 * {@code history}, page by page, and hands over the ones the application has not had. If the connection drops meanwhile, the rejoin's
 * {@code since} (the contiguous offset, which stops below the gap) replays the rest.
 */
final class GapFiller implements ReplyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GapFiller.class);

    private final ClientSession session;
    private final RoomSubscription sub;
    private final long upTo;

    GapFiller(ClientSession session, RoomSubscription sub, long upTo) {
        this.session = session;
        this.sub = sub;
        this.upTo = upTo;
    }

    void fetchAfter(long since) {
        int limit = (int) Math.min(HistoryRequest.MAX_LIMIT, upTo - since);
        if (limit > 0) {
            session.submitInternal("history", rid -> new HistoryRequest(rid, sub.room, since, limit), this);
        }
    }

    @Override
    public void reply(ServerFrame frame) {
        if (frame instanceof HistoryReply page) {
            session.handOverRecovered(sub, page);
            if (page.more() && !page.messages().isEmpty()) {
                fetchAfter(page.messages().get(page.messages().size() - 1).offset());
            }
        } else if (frame instanceof ErrorFrame e) {
            LOG.warn("fetching missing messages of room '{}' failed: {}", sub.room, e.message());
        }
    }

    @Override
    public void fail(AgentBusException cause) {
        LOG.warn("fetching missing messages of room '{}' failed: {}", sub.room, cause.getMessage());
    }
}
