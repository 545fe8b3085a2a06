package io.agentbus.server.config;

import io.lettuce.core.RedisURI;
import java.util.Locale;
import java.util.Map;

/** Turns raw setting values into typed ones, with an error that names setting and value. */
final class SettingParser {
    private final Map<Setting, String> values;

    SettingParser(Map<Setting, String> values) {
        this.values = values;
    }

    String text(Setting s) {
        String v = values.get(s);
        require(!v.isEmpty(), s.key() + " must not be empty");
        return v;
    }

    /** The value, or {@code null} when it is empty (not set). */
    String optionalText(Setting s) {
        String v = values.get(s);
        return v.isEmpty() ? null : v;
    }

    int intInRange(Setting s, int min, int max) {
        return (int) longInRange(s, min, max);
    }

    long longInRange(Setting s, long min, long max) {
        String v = values.get(s);
        long parsed;
        try {
            parsed = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key() + " must be a whole number, not '" + v + "'");
        }
        require(parsed >= min && parsed <= max, s.key() + " must be between " + min + " and " + max + ", not " + v);
        return parsed;
    }

    /** A Redis URI as the Redis client reads it ({@code redis://host:port}, …), or {@code null} for {@code none}. */
    String redisUri(Setting s) {
        String v = text(s);
        if (v.equals("none")) {
            return null;
        }
        String why;
        try {
            RedisURI uri = RedisURI.create(v);
            why = uri.getHost() == null && uri.getSentinels().isEmpty() ? "it names no host" : null;
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        require(why == null, s.key() + " must be none or a Redis URI like redis://127.0.0.1:6379, not '" + v + "': "
                + why);
        return v;
    }

    <E extends Enum<E> & Choice> E choice(Setting s, Class<E> type) {
        String v = values.get(s).toLowerCase(Locale.ROOT);
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (e.configName().equals(v)) {
                return e;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.configName());
        }
        throw new ConfigException(s.key() + " must be one of " + allowed + ", not '" + values.get(s) + "'");
    }

    void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }
}
