package io.agentbus.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The browser origins {@code ws.allowed.origins} names besides the daemon's own: each
 * {@code scheme://host[:port]} with scheme {@code http} or {@code https}, kept in the form a
 * browser sends in its {@code Origin} header (lower case, no default port, no path); {@code *}
 * allows any origin.
 */
public final class AllowedOrigins {
    /** No origin but the daemon's own. */
    public static final AllowedOrigins NONE = new AllowedOrigins(Set.of(), false);

    private final Set<String> origins;
    private final boolean any;

    private AllowedOrigins(Set<String> origins, boolean any) {
        this.origins = origins;
        this.any = any;
    }

    /**
     * Parses a comma list; blanks around entries are ignored.
     *
     * @throws ConfigException naming the first entry that is not an origin
     */
    static AllowedOrigins parse(String key, String list) {
        Set<String> origins = new TreeSet<>();
        boolean any = false;
        for (String entry : list.split(",")) {
            String e = entry.trim();
            if (e.equals("*")) {
                any = true;
            } else if (!e.isEmpty()) {
                String origin = normalize(e);
                if (origin == null) {
                    throw new ConfigException(key + " must list origins such as https://dash.example.com or"
                            + " http://127.0.0.1:8080 (scheme and host, no path), or *; not '" + e + "'");
                }
                origins.add(origin);
            }
        }
        return origins.isEmpty() && !any ? NONE : new AllowedOrigins(Set.copyOf(origins), any);
    }

    /** Whether this origin, as {@link #normalize} returns it, is allowed. */
    public boolean allows(String normalizedOrigin) {
        return any || origins.contains(normalizedOrigin);
    }

    public boolean allowsAny() {
        return any;
    }

    /**
     * An {@code Origin} header value as {@code scheme://host[:port]}, lower case and without the
     * scheme's default port; {@code null} when it is not an http(s) origin (such as {@code null}).
     */
    public static String normalize(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return any ? "*" : String.join(",", origins);
    }
}
