package profcon.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header of pushes, from the environment variable {@link #VARIABLE},
 * never from the command line (where {@code ps} and shell history would show it): a whole header
 * value ({@code Bearer …}, {@code Basic …}), {@code user:password} for basic auth (what authenticating
 * proxies in front of Pyroscope commonly ask), or a bare token for bearer auth.
 */
public final class AuthHeader {
    public static final String VARIABLE = "PROFCON_PUSH_AUTH";

    private AuthHeader() {
    }

    public static Optional<String> fromEnvironment() {
        return of(System.getenv(VARIABLE));
    }

    static Optional<String> of(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String s = secret.strip();
        if (s.startsWith("Bearer ") || s.startsWith("Basic ")) {
            return Optional.of(s);
        }
        if (s.contains(":")) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.of("Bearer " + s);
    }
}
