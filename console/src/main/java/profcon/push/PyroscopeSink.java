package profcon.push;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import profcon.model.Profile;
import profcon.pprof.PprofWriter;

/**
 * Pushes to a Pyroscope server's {@code POST /ingest} as its server API documents for pprof:
 * query {@code name=SERVICE.KIND{host=…,pid=…}}, {@code from}/{@code until} (Unix seconds from the
 * profile's time and duration) and {@code format=pprof}; a multipart body with the gzipped pprof
 * in the file field {@code profile} and its {@code sample_type_config}; {@code X-Scope-OrgID}
 * when a tenant is given. Pyroscope appends each sample type's display name to the name.
 */
final class PyroscopeSink implements Sink {
    private final URI ingest;
    private final PushIdentity identity;
    private final HttpPost http;

    PyroscopeSink(URI base, PushIdentity identity, HttpPost http) {
        this.ingest = base.resolve(base.getPath().endsWith("/") ? "ingest" : base.getPath() + "/ingest");
        this.identity = identity;
        this.http = http;
    }

    @Override
    public void send(Window window) throws PushException {
        Profile profile = window.profile();
        byte[] pprof;
        try {
            pprof = PprofWriter.gzip(profile);
        } catch (IOException e) {
            throw new PushException("push failed: cannot encode the profile: " + e.getMessage(), false);
        }
        Multipart body = new Multipart("profcon-" + Long.toHexString(System.nanoTime()))
                .file("profile", "profile.pprof", "application/octet-stream", pprof)
                .file("sample_type_config", "sample_type_config.json", "application/json",
                        SampleTypeConfig.json(window.kind(), profile).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = identity.hasTenant() ? Map.of("X-Scope-OrgID", identity.tenant()) : Map.of();
        http.post(URI.create(ingest + "?" + query(window)), body.contentType(), body.bytes(), headers);
    }

    String query(Window window) {
        Profile profile = window.profile();
        long from = TimeUnit.NANOSECONDS.toSeconds(profile.timeNanos());
        long until = Math.max(from + 1, divideUp(profile.timeNanos() + profile.durationNanos()));
        StringJoiner q = new StringJoiner("&");
        q.add("name=" + encode(name(window.kind(), window.pid())));
        q.add("from=" + from);
        q.add("until=" + until);
        q.add("format=pprof");
        return q.toString();
    }

    /** {@code SERVICE.KIND{host=…,pid=…}}, in Pyroscope's application name notation. */
    String name(String kind, long pid) {
        return clean(identity.service()) + "." + kind + "{host=" + clean(identity.host())
                + (pid > 0 ? ",pid=" + pid : "") + "}";
    }

    @Override
    public String describe() {
        return ingest.getScheme() + "://" + ingest.getAuthority() + ingest.getPath();
    }

    /** The name notation has no quoting: characters that would end a name or a label go as '_'. */
    private static String clean(String s) {
        return s.replaceAll("[{}=,\\s\"]", "_");
    }

    private static long divideUp(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
