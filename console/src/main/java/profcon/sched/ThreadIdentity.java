package profcon.sched;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A native thread as the JVM knows it: its Java id, kind ({@code java}, or {@code jvm} for a hidden thread) and exact name. */
public record ThreadIdentity(long tid, long javaId, String kind, String name) {
    /** The agent's {@code thread-ids} payload, by native id: lines {@code native-tid java-tid kind name}. */
    public static Map<Long, ThreadIdentity> parse(byte[] payload) {
        Map<Long, ThreadIdentity> byTid = new HashMap<>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(" ", 4);
            if (f.length == 4) {
                ThreadIdentity t = new ThreadIdentity(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3]);
                byTid.put(t.tid(), t);
            }
        }
        return byTid;
    }
}
