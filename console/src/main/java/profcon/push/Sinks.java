package profcon.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/** Reads a push URL: {@code http(s)://…} is a Pyroscope server, {@code otlp+http(s)://…} an OTLP/HTTP endpoint. */
public final class Sinks {
    private Sinks() {
    }

    public static Sink parse(String url, PushIdentity identity) {
        return parse(url, identity, HttpPost.DEFAULT_TIMEOUT, AuthHeader.fromEnvironment());
    }

    /** With a timeout and auth header of the caller's choosing: tests use a short one. */
    public static Sink parse(String url, PushIdentity identity, Duration timeout, Optional<String> auth) {
        boolean otlp = url.startsWith("otlp+");
        URI uri = uri(otlp ? url.substring(5) : url);
        HttpPost http = new HttpPost(timeout, auth);
        return otlp ? new OtlpSink(uri, identity, http) : new PyroscopeSink(uri, identity, http);
    }

    private static URI uri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("push needs http://HOST:PORT (Pyroscope) or otlp+http://HOST:PORT (OTLP), got "
                    + url);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("put credentials in " + AuthHeader.VARIABLE + ", not in the URL");
        }
        if (uri.getQuery() != null) {
            throw new IllegalArgumentException("push URL takes no query: profcon writes it; got " + url);
        }
        return uri;
    }
}
