package profcon.push;

import java.net.URI;
import java.util.Map;

/**
 * Pushes to an OTLP/HTTP endpoint: {@code POST /v1development/profiles} (the profiles signal's
 * path while it is in development) with a binary protobuf {@code ExportProfilesServiceRequest}.
 */
final class OtlpSink implements Sink {
    static final String PATH = "/v1development/profiles";
    private final URI endpoint;
    private final PushIdentity identity;
    private final HttpPost http;

    /** {@code base} with no path gets the signal's path; a given path is used as it is (a collector behind a prefix). */
    OtlpSink(URI base, PushIdentity identity, HttpPost http) {
        String path = base.getPath() == null || base.getPath().isEmpty() || base.getPath().equals("/") ? PATH : base.getPath();
        this.endpoint = base.resolve(path);
        this.identity = identity;
        this.http = http;
    }

    @Override
    public void send(Window window) throws PushException {
        byte[] body = OtlpProfiles.request(window.profile(), identity.withPid(window.pid())).toByteArray();
        Map<String, String> headers = identity.hasTenant() ? Map.of("X-Scope-OrgID", identity.tenant()) : Map.of();
        http.post(endpoint, "application/x-protobuf", body, headers);
    }

    @Override
    public String describe() {
        return "otlp+" + endpoint.getScheme() + "://" + endpoint.getAuthority() + endpoint.getPath();
    }
}
