package io.agentbus.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** Reads typed query parameters; a bad one is an error that names it. */
final class QueryParams {
    private QueryParams() {
    }

    static long longParam(QueryStringDecoder uri, String name, long defaultValue, long min, long max) {
        List<String> values = uri.parameters().get(name);
        if (values == null || values.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(values.get(0));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("query parameter '" + name + "' must be an integer from " + min + " to "
                + max + ", not '" + values.get(0) + "'");
    }
}
