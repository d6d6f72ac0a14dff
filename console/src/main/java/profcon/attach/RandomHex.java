package profcon.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unpredictable hex strings (the session's token, its directory's name) read straight from the
 * kernel's generator: SecureRandom reads the same device, but starting it (security providers,
 * SHA-1 mixing, var handles) loads about a hundred classes on every attach.
 */
final class RandomHex {
    private static final Path DEVICE = Path.of("/dev/urandom");

    private RandomHex() {
    }

    /** {@code bytes} random bytes as {@code 2 * bytes} lower-case hex digits. */
    static String of(int bytes) {
        byte[] random = new byte[bytes];
        try (InputStream in = Files.newInputStream(DEVICE)) {
            if (in.readNBytes(random, 0, bytes) == bytes) {
                return HexFormat.of().formatHex(random);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no such device here: the JDK's generator finds another source
        }
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
