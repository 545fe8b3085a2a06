package io.agentbus.server.cluster;

/** What the inboxes' channel brings: a direct message some node ordered, or a moved cursor. */
sealed interface InboxNews permits InboxEntry, CursorMove {
    /** The client whose inbox it is about. */
    String to();
}
