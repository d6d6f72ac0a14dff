package profcon.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one POST with the JDK's HTTP client and turns every way it can fail into a one-line
 * {@link PushException}. HTTP/1.1 only: ingest endpoints behind proxies speak it, and a client
 * that offers an h2c upgrade confuses some of them. The client connects out; it never listens.
 */
final class HttpPost {
    /** Long enough for a loaded server; short enough that a stalled one cannot hold a window back for long. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGE_LIMIT = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> auth;

    HttpPost(Duration timeout, Optional<String> auth) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.auth = auth;
    }

    /** POSTs {@code body} to {@code uri}; returns quietly on a 2xx. */
    void post(URI uri, String contentType, byte[] body, Map<String, String> headers) throws PushException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .header("User-Agent", "profcon/" + profcon.console.Main.VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        auth.ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> response = send(uri, request.build());
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new PushException(where(uri) + ": HTTP " + status + message(response.body()), retryable);
        }
    }

    private HttpResponse<String> send(URI uri, HttpRequest request) throws PushException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PushException(where(uri) + ": no answer within " + timeout.toSeconds() + " s", true);
        } catch (ConnectException e) {
            String why = reason(e);
            throw new PushException(where(uri) + ": cannot connect" + (why.equals(e.getClass().getSimpleName()) ? ""
                    : " (" + why + ")") + "; is the server up and the address right?", true);
        } catch (IOException e) {
            throw new PushException(where(uri) + ": " + reason(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException(where(uri) + ": interrupted", true);
        }
    }

    /** The endpoint without its query: the query carries labels, the URL may carry user info. */
    static String where(URI uri) {
        return "push to " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getPath() == null ? "" : uri.getPath()) + " failed";
    }

    private static String message(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (line.length() > MESSAGE_LIMIT) {
            line = line.substring(0, MESSAGE_LIMIT) + "…";
        }
        return line.isEmpty() ? "" : ": " + line;
    }

    /** The first message down the cause chain: the JDK client often wraps "Connection refused" in a bare exception. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
