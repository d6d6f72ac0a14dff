package profcon.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * A stand-in for a Pyroscope server (and an OTLP/HTTP endpoint) in test code: checks every
 * request against Pyroscope's documented ingest API, records what it accepted, and can be told to
 * fail with a status, to stall, and to recover. The product never listens; only tests do.
 */
final class IngestReceiver implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("([^{}]+)\\.(\\w+)\\{host=[^,{}]+(,pid=\\d+)?}");
    private static final Pattern CONFIG_ENTRY = Pattern.compile(
            "\"(\\w+)\":\\{\"units\":\"(samples|objects|bytes)\",\"aggregation\":\"(sum|average)\",\"display-name\":\"(\\w+)\",\"sampled\":(true|false)}");

    /** One accepted push. */
    record Received(Map<String, String> query, Map<String, List<String>> headers, Profile profile, String kind,
                    ExportProfilesServiceRequest otlp) {
        long from() {
            return Long.parseLong(query.get("from"));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Long> refusedFroms = new CopyOnWriteArrayList<>();
    private volatile int failStatus;
    private volatile int failuresLeft;
    private volatile long stallMillis;

    IngestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ingest", this::ingest);
        server.createContext("/v1development/profiles", this::otlp);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} requests get {@code status} (after a stall, if one is set). */
    void fail(int count, int status) {
        failStatus = status;
        failuresLeft = count;
    }

    void stall(long millis) {
        stallMillis = millis;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The {@code from} of every window refused while failing, in order. */
    List<Long> refusedFroms() {
        return List.copyOf(refusedFroms);
    }

    private void ingest(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            List<String> problems = new ArrayList<>();
            Received r = checkIngest(ex, query, problems);
            answer(ex, r, problems, query);
        }
    }

    private void otlp(HttpExchange ex) throws IOException {
        try (ex) {
            List<String> problems = new ArrayList<>();
            expect(problems, ex.getRequestMethod().equals("POST"), "method " + ex.getRequestMethod());
            expect(problems, "application/x-protobuf".equals(ex.getRequestHeaders().getFirst("Content-Type")),
                    "OTLP content type " + ex.getRequestHeaders().getFirst("Content-Type"));
            ExportProfilesServiceRequest req = ExportProfilesServiceRequest.parseFrom(ex.getRequestBody().readAllBytes());
            answer(ex, new Received(Map.of(), Map.copyOf(ex.getRequestHeaders()), null, "", req), problems, Map.of());
        }
    }

    private Received checkIngest(HttpExchange ex, Map<String, String> q, List<String> problems) throws IOException {
        expect(problems, ex.getRequestMethod().equals("POST"), "method " + ex.getRequestMethod());
        expect(problems, "pprof".equals(q.get("format")), "format " + q.get("format"));
        Matcher name = NAME.matcher(q.getOrDefault("name", ""));
        expect(problems, name.matches(), "name " + q.get("name"));
        long from = number(q.get("from"), problems, "from");
        long until = number(q.get("until"), problems, "until");
        expect(problems, until > from, "until " + until + " not after from " + from);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        expect(problems, type != null && type.startsWith("multipart/form-data; boundary="), "content type " + type);
        if (!problems.isEmpty()) {
            return null;
        }
        Map<String, byte[]> parts = parts(ex.getRequestBody().readAllBytes(), type.substring(type.indexOf('=') + 1));
        expect(problems, parts.containsKey("profile") && parts.containsKey("sample_type_config"), "fields " + parts.keySet());
        if (!problems.isEmpty()) {
            return null;
        }
        Profile profile = PprofReader.parse(new GZIPInputStream(new java.io.ByteArrayInputStream(parts.get("profile")))
                .readAllBytes(), "pushed profile");
        checkConfig(new String(parts.get("sample_type_config"), StandardCharsets.UTF_8), profile, problems);
        return new Received(q, Map.copyOf(ex.getRequestHeaders()), profile, name.group(2), null);
    }

    private static void checkConfig(String json, Profile profile, List<String> problems) {
        Matcher m = CONFIG_ENTRY.matcher(json);
        List<String> types = new ArrayList<>();
        while (m.find()) {
            types.add(m.group(1));
        }
        expect(problems, types.equals(profile.sampleTypes().stream().map(t -> t.type()).toList()),
                "sample_type_config " + json + " against " + profile.sampleTypes());
    }

    private void answer(HttpExchange ex, Received r, List<String> problems, Map<String, String> query) throws IOException {
        if (stallMillis > 0) {
            sleep(stallMillis);
        }
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            respond(ex, 400, "invalid request: " + problems);
        } else if (failuresLeft > 0) {
            failuresLeft--;
            refusedFroms.add(query.containsKey("from") ? Long.parseLong(query.get("from")) : -1);
            respond(ex, failStatus, "ingester unavailable\nretry later");
        } else {
            received.add(r);
            respond(ex, 200, "");
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The fields of a multipart/form-data body, by name. */
    static Map<String, byte[]> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
        Map<String, byte[]> parts = new LinkedHashMap<>();
        String delimiter = "--" + boundary;
        for (int at = text.indexOf(delimiter); at >= 0; ) {
            int next = text.indexOf("\r\n" + delimiter, at + delimiter.length());
            if (next < 0) {
                break;
            }
            String part = text.substring(at + delimiter.length() + 2, next);
            int blank = part.indexOf("\r\n\r\n");
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, blank));
            if (name.find()) {
                parts.put(name.group(1), part.substring(blank + 4).getBytes(StandardCharsets.ISO_8859_1));
            }
            at = next + 2;
        }
        return parts;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static long number(String s, List<String> problems, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            problems.add(what + " " + s);
            return 0;
        }
    }

    private static void expect(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // the stall under test, not a wait for readiness
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
