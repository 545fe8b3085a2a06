package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The samples of a Prometheus text exposition, by series ({@code name{labels}}), for assertions. */
public final class MetricsText {
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Set<String> families = new TreeSet<>();

    private MetricsText(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
    }

    public static MetricsText parse(String text) {
        return new MetricsText(text);
    }

    /** The value of one series, e.g. {@code agentbus_errors_total{code="not_found"}}; fails if absent. */
    public double value(String series) {
        Double v = samples.get(series);
        assertNotNull(v, "no series " + series + " in " + samples.keySet());
        return v;
    }

    /** The value of one series, or {@code absent} (the first snapshot may not name a room yet). */
    public double valueOr(String series, double absent) {
        return samples.getOrDefault(series, absent);
    }

    public boolean has(String series) {
        return samples.containsKey(series);
    }

    /** The sum of every series of one metric name (all its label values). */
    public double sum(String name) {
        double sum = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().equals(name) || e.getKey().startsWith(name + "{")) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** The metric families, as their {@code # TYPE} lines name them. */
    public Set<String> families() {
        return families;
    }
}
