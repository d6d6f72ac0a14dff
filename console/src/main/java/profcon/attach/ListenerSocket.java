package profcon.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The UNIX socket a HotSpot target's attach listener serves ({@code .java_pid<pid>} in its temporary
 * directory), found only when it is already there and passes the checks the JDK's own attach makes
 * before connecting: a socket owned by this user and group, readable and writable by nobody else.
 * Anything else (no listener yet, another owner, root attaching to another user) is left to the JDK.
 */
final class ListenerSocket {
    private static final int GROUP_OR_OTHER_ACCESS = 0066;
    private static final int SOCKET_TYPE = 0140000;
    private static final int TYPE_MASK = 0170000;

    private ListenerSocket() {
    }

    /** The target's listener socket, seen through {@code /proc} (the target may have a mount namespace of its own). */
    static Optional<Path> of(long pid) throws IOException {
        return in(Path.of("/proc", Long.toString(pid), "root", "tmp"), pid);
    }

    /** The listener socket of {@code pid} in {@code tmp}; empty unless it is there and passes the checks. */
    static Optional<Path> in(Path tmp, long pid) throws IOException {
        Path socket = tmp.resolve(".java_pid" + pid);
        return Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && trusted(socket) ? Optional.of(socket) : Optional.empty();
    }

    // numeric ids, as the JDK compares them: resolving a user's name would cost a lookup and prove nothing more
    private static boolean trusted(Path socket) throws IOException {
        Path self = Path.of("/proc/self");
        int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & TYPE_MASK) == SOCKET_TYPE && (mode & GROUP_OR_OTHER_ACCESS) == 0
                && Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(Files.getAttribute(self, "unix:uid"))
                && Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS).equals(Files.getAttribute(self, "unix:gid"));
    }
}
