package profcon.engine;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One console session's stance on native code: whether it is refused (--no-native, or the API's
 * {@code NativeCode.REFUSED}), and which targets were already told that the library stays loaded.
 */
public final class NativePolicy {
    private final Set<Long> told = new HashSet<>();
    private boolean refused;
    private Optional<NativeLibrary> library;

    public void refuse() {
        refused = true;
    }

    public boolean refused() {
        return refused;
    }

    /** The library for this machine, looked up once per session. */
    public synchronized Optional<NativeLibrary> library() {
        if (library == null) {
            library = NativeLibrary.forThisPlatform();
        }
        return library;
    }

    /** The one line said at the first native use in {@code pid} this session; empty after that. */
    public Optional<String> announce(long pid) {
        if (!told.add(pid)) {
            return Optional.empty();
        }
        return Optional.of("loading async-profiler's native library into pid " + pid + ": it stays loaded (idle "
                + "between profiles) until that JVM exits; start profcon with --no-native to refuse native code");
    }
}
