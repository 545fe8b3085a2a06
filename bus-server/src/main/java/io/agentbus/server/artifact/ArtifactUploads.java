package io.agentbus.server.artifact;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.server.journal.JournalRecord.ArtifactStored;
import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes artifact uploads (WebSocket or REST): checks the size, writes the file on its own I/O
 * thread, then hands the stored artifact to the sequencer. Replies always go through the
 * sequencer, the only thread that may queue frames for a session.
 */
public final class ArtifactUploads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactUploads.class);

    private final ArtifactStore store;
    private final Sequencer sequencer;
    private final int maxBytes;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "agentbus-artifact-io"));
    /** The other nodes' copy of the artifacts in cluster mode; {@code null} on a single node. */
    private ArtifactReplica replica;

    public ArtifactUploads(ArtifactStore store, Sequencer sequencer, int maxBytes) {
        this.store = store;
        this.sequencer = sequencer;
        this.maxBytes = maxBytes;
    }

    public ArtifactStore store() {
        return store;
    }

    /** Cluster mode: every upload is also kept in {@code replica}, before it is announced. */
    public void replicate(ArtifactReplica replica) {
        this.replica = replica;
    }

    /** The other nodes' copy of the artifacts, or {@code null} on a single node. */
    public ArtifactReplica replica() {
        return replica;
    }

    /**
     * Cluster mode: the bytes of an artifact this node lacks, from the {@link #replica()}, checked
     * against their digest and the size limit and then kept here; {@code null} when the replica has
     * none. Completes on another thread.
     */
    public CompletionStage<byte[]> fetch(String sha256) {
        return replica.get(sha256).thenApply(data -> {
            if (data != null && (data.length > maxBytes || !sha256.equals(ArtifactStore.sha256(data)))) {
                throw new IllegalStateException("the cluster's copy of artifact " + sha256 + " is not that artifact ("
                        + data.length + " bytes)");
            }
            if (data != null) {
                keep(data);
            }
            return data;
        });
    }

    private void keep(byte[] data) {
        try {
            io.execute(() -> {
                try {
                    store.store(data);
                } catch (IOException e) {
                    LOG.warn("cannot keep a fetched artifact here: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: a fetched artifact is not kept here");
        }
    }

    /** Stores the upload and announces it; {@code publisher} is {@code null} for REST. */
    public void upload(Reply reply, Session publisher, String from, ArtifactUpload upload) {
        if (upload.data().length > maxBytes) {
            fail(reply, upload.rid(), ErrorCode.TOO_LARGE, "field 'data': artifact of " + upload.data().length
                    + " bytes is over the limit of " + maxBytes + " bytes");
            return;
        }
        try {
            io.execute(() -> storeAndAnnounce(reply, publisher, from, upload));
        } catch (RejectedExecutionException e) {
            fail(reply, upload.rid(), ErrorCode.OVERLOADED, "the server is shutting down");
        }
    }

    private void storeAndAnnounce(Reply reply, Session publisher, String from, ArtifactUpload upload) {
        try {
            String sha = store.store(upload.data());
            if (replica != null) {
                try {
                    replica.put(sha, upload.data());
                } catch (IOException e) {
                    fail(reply, upload.rid(), ErrorCode.OVERLOADED, "cluster: the artifact could not be kept for the"
                            + " other nodes and is not announced: " + e.getMessage());
                    return;
                }
            }
            ArtifactStored artifact = new ArtifactStored(upload.room(), sha, upload.data().length, upload.name(),
                    upload.contentType());
            sequencer.submitInternal(new Command.StoreArtifact(reply, publisher, from, upload.rid(), artifact));
        } catch (IOException e) {
            LOG.error("cannot store artifact for room {}", upload.room(), e);
            fail(reply, upload.rid(), ErrorCode.INTERNAL, "the artifact could not be stored: " + e.getMessage());
        }
    }

    private void fail(Reply reply, String rid, ErrorCode code, String message) {
        ErrorFrame error = new ErrorFrame(rid, code, message);
        sequencer.submitInternal(new Command.Inspect(h -> reply.send(error)));
    }

    @Override
    public void close() {
        io.shutdown();
    }
}
