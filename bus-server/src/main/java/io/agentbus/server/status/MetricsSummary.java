package io.agentbus.server.status;

import java.util.Locale;

/** Rooms, traffic and latency from a {@code /metrics} answer, as one line. */
final class MetricsSummary {
    private double rooms;
    private double messagesIn;
    private double drops;
    private double deliveryP99 = -1;
    private double ackP99 = -1;

    static MetricsSummary parse(String text) {
        MetricsSummary s = new MetricsSummary();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                s.take(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return s;
    }

    private void take(String series, double value) {
        if (series.equals("agentbus_rooms")) {
            rooms = value;
        } else if (series.startsWith("agentbus_messages_in_total") || series.equals("agentbus_direct_messages_in_total")) {
            messagesIn += value;
        } else if (series.equals("agentbus_dropped_messages_total")) {
            drops = value;
        } else if (series.startsWith("agentbus_delivery_latency_seconds{") && series.endsWith("quantile=\"0.99\"}")) {
            deliveryP99 = Math.max(deliveryP99, value);
        } else if (series.equals("agentbus_publish_ack_latency_seconds{quantile=\"0.99\"}")) {
            ackP99 = value;
        }
    }

    /** e.g. {@code rooms 100, 1,234,567 messages in, 0 dropped; last minute p99: delivery 1.20 ms, publish→ack 0.80 ms}. */
    String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "rooms %,.0f, %,.0f messages in, %,.0f dropped",
                rooms, messagesIn, drops));
        if (deliveryP99 > 0 || ackP99 > 0) {
            line.append("; last minute p99: delivery ").append(deliveryP99 > 0 ? Units.seconds(deliveryP99) : "-")
                    .append(", publish→ack ").append(ackP99 > 0 ? Units.seconds(ackP99) : "-");
        }
        return line.toString();
    }
}
