package profcon.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Who a pushed profile is from: the service (the target's main class, or {@code --service}),
 * the host and the pid; and the tenant the server files it under ({@code X-Scope-OrgID}), if any.
 */
public record PushIdentity(String service, String host, long pid, String tenant) {
    public PushIdentity {
        service = service == null || service.isBlank() || service.equals("?") ? "java" : service;
        host = host == null ? "" : host;
        tenant = tenant == null ? "" : tenant;
    }

    /** The identity of a target whose {@code info} is {@code info}; {@code service} overrides its main class. */
    public static PushIdentity of(Map<String, String> info, long pid, String service, String tenant) {
        String name = service != null ? service : mainClass(info.getOrDefault("main", ""));
        return new PushIdentity(name, localHost(), pid, tenant);
    }

    /** The main class of a target's {@code main} line ("profcon.demo.Demo arg1" or "app.jar --port 80"). */
    static String mainClass(String main) {
        String first = main.strip().split("\\s+", 2)[0];
        int slash = first.lastIndexOf('/');
        first = slash >= 0 ? first.substring(slash + 1) : first;
        return first.endsWith(".jar") ? first.substring(0, first.length() - 4) : first;
    }

    /** This machine's name; in a pod, the pod's name, which is what a fleet view wants. */
    static String localHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** The same identity for another pid: a spooled window keeps the pid it was collected from. */
    public PushIdentity withPid(long otherPid) {
        return new PushIdentity(service, host, otherPid, tenant);
    }

    public boolean hasTenant() {
        return !tenant.isEmpty();
    }
}
