package profcon.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The agent's arguments, {@code dir=...;sock=...;token=...;console=PID}, checked against its contract:
 * the session directory must be absolute, owned by this JVM's user and closed to everyone else,
 * the socket must be inside it, the token hex. Anything else is refused with a reason.
 */
public record AgentArgs(Path dir, Path socket, String token, long consolePid) {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final int TOKEN_DIGITS = 32;

    public static AgentArgs parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("profcon agent: no arguments (expected dir=...;sock=...;token=...;console=...)");
        }
        Path dir = null;
        Path socket = null;
        String token = null;
        long console = -1;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            switch (key) {
                case "dir" -> dir = Path.of(value);
                case "sock" -> socket = Path.of(value);
                case "token" -> token = value;
                case "console" -> console = parsePid(value);
                default -> throw new IllegalArgumentException("profcon agent: unknown argument '" + key + "'");
            }
        }
        AgentArgs args = new AgentArgs(dir, socket, token, console);
        args.validate();
        return args;
    }

    /**
     * The session directory {@code text} names, if it is one the agent may write to (absolute, a
     * directory, this user's, closed to others); null otherwise. For error reports: arguments that
     * failed validation must not make the agent write into a directory such as /tmp.
     */
    public static Path dirOf(String text) {
        if (text == null) {
            return null;
        }
        for (String part : text.split(";")) {
            if (part.startsWith("dir=")) {
                try {
                    Path p = Path.of(part.substring(4));
                    if (p.isAbsolute() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        checkPrivate(p);
                        return p;
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    public String format() {
        return "dir=" + dir + ";sock=" + socket + ";token=" + token + ";console=" + consolePid;
    }

    private void validate() {
        if (dir == null || socket == null || token == null || consolePid < 0) {
            throw new IllegalArgumentException("profcon agent: dir, sock, token and console are all required");
        }
        if (!dir.isAbsolute() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("profcon agent: session directory " + dir + " is not an absolute directory");
        }
        if (!socket.isAbsolute() || !dir.equals(socket.getParent())) {
            throw new IllegalArgumentException("profcon agent: socket " + socket + " is not inside " + dir);
        }
        if (!isToken(token)) {
            throw new IllegalArgumentException("profcon agent: token must be 32 hex digits");
        }
        checkPrivate(dir);
    }

    private static void checkPrivate(Path dir) {
        try {
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new IllegalArgumentException("profcon agent: " + dir + " belongs to " + owner + ", not to "
                        + System.getProperty("user.name"));
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new IllegalArgumentException("profcon agent: " + dir + " is open to other users (" + perms + ")");
            }
        } catch (UnsupportedOperationException | IOException e) {
            throw new IllegalArgumentException("profcon agent: cannot check the permissions of " + dir + ": " + e);
        }
    }

    // a loop, not a regular expression: the agent's start runs in someone else's JVM, and loads what it uses there
    private static boolean isToken(String token) {
        if (token.length() != TOKEN_DIGITS) {
            return false;
        }
        for (int i = 0; i < TOKEN_DIGITS; i++) {
            char c = token.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long parsePid(String value) {
        try {
            long pid = Long.parseLong(value);
            if (pid <= 0) {
                throw new IllegalArgumentException("profcon agent: console pid must be positive");
            }
            return pid;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("profcon agent: console pid '" + value + "' is not a number");
        }
    }
}
