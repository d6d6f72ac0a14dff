package profcon.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the JDK's JSON thread dump ({@code HotSpotDiagnosticMXBean.dumpThreads}, JDK 21+; state
 * and locks from JDK 24) into the threads the agent described: stacks for platform threads that
 * came without one, and every virtual thread. Done on the console side so that the target never
 * builds the parsed tree. A virtual thread's JSON names the monitor it waits for but not the
 * owner; the owner is whichever thread lists that monitor among those it holds. Also reads such a
 * dump on its own, for profcon-leakcheck's snapshots of the test JVM.
 */
public final class JsonThreads {
    private static final String AGENT_PREFIX = "profcon-";
    private static final String TID_KEY = "\"tid\"";

    private JsonThreads() {
    }

    public static List<DumpedThread> merge(List<DumpedThread> described, String json) {
        Map<Long, DumpedThread> byTid = new LinkedHashMap<>();
        described.forEach(t -> byTid.put(t.tid(), t));
        for (Map<String, Object> j : threads(json)) {
            long tid = Long.parseLong(String.valueOf(j.get("tid")));
            String name = String.valueOf(j.getOrDefault("name", ""));
            DumpedThread known = byTid.get(tid);
            if (name.startsWith(AGENT_PREFIX) || (known != null && !known.frames().isEmpty())) {
                continue;
            }
            byTid.put(tid, known == null ? fromJson(tid, name, j) : withStack(known, j));
        }
        return withMonitorOwners(new ArrayList<>(byTid.values()));
    }

    /** Every thread of the JDK's JSON dump, as it lists them (profcon's own threads included). */
    public static List<DumpedThread> read(String json) {
        List<DumpedThread> threads = new ArrayList<>();
        for (Map<String, Object> j : threads(json)) {
            threads.add(fromJson(Long.parseLong(String.valueOf(j.get("tid"))), String.valueOf(j.getOrDefault("name", "")), j));
        }
        return withMonitorOwners(threads);
    }

    /**
     * Only the thread ids of the JDK's JSON dump, found by scanning for the {@code "tid"} key
     * without building the tree: what a leak check needs when nothing new appeared.
     */
    public static java.util.Set<Long> tids(String json) {
        java.util.Set<Long> tids = new java.util.HashSet<>();
        for (int at = json.indexOf(TID_KEY); at >= 0; at = json.indexOf(TID_KEY, at + 1)) {
            int i = json.indexOf(':', at + TID_KEY.length()) + 1;
            while (i < json.length() && !Character.isDigit(json.charAt(i))) {
                i++; // spaces and the opening quote
            }
            long tid = 0;
            for (; i < json.length() && Character.isDigit(json.charAt(i)); i++) {
                tid = tid * 10 + (json.charAt(i) - '0');
            }
            tids.add(tid);
        }
        return tids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> threads(String json) {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        List<Map<String, Object>> threads = new ArrayList<>();
        for (Object c : (List<Object>) ((Map<String, Object>) root.get("threadDump")).get("threadContainers")) {
            for (Object t : (List<Object>) ((Map<String, Object>) c).get("threads")) {
                threads.add((Map<String, Object>) t);
            }
        }
        return threads;
    }

    private static DumpedThread fromJson(long tid, String name, Map<String, Object> j) {
        Object state = j.get("state");
        Object carrier = j.get("carrier");
        return new DumpedThread(tid, name, state == null ? "UNKNOWN" : state.toString(),
                Boolean.TRUE.equals(j.get("virtual")), false, carrier == null ? -1 : Long.parseLong(carrier.toString()),
                lock(j), -1, "", frames(j), monitors(j), List.of());
    }

    private static DumpedThread withStack(DumpedThread t, Map<String, Object> j) {
        return new DumpedThread(t.tid(), t.name(), t.state(), t.virtual(), t.daemon(), t.carrierTid(), t.lock(),
                t.lockOwnerTid(), t.lockOwnerName(), frames(j), t.lockedMonitors().isEmpty() ? monitors(j)
                : t.lockedMonitors(), t.synchronizers());
    }

    @SuppressWarnings("unchecked")
    private static List<Frame> frames(Map<String, Object> j) {
        List<Frame> frames = new ArrayList<>();
        for (Object f : (List<Object>) j.getOrDefault("stack", List.of())) {
            frames.add(JdkFrames.parse(String.valueOf(f)));
        }
        return frames;
    }

    @SuppressWarnings("unchecked")
    private static List<DumpedThread.LockedMonitor> monitors(Map<String, Object> j) {
        List<DumpedThread.LockedMonitor> monitors = new ArrayList<>();
        for (Object owned : (List<Object>) j.getOrDefault("monitorsOwned", List.of())) {
            Map<String, Object> o = (Map<String, Object>) owned;
            for (Object lock : (List<Object>) o.getOrDefault("locks", List.of())) {
                monitors.add(new DumpedThread.LockedMonitor(Integer.parseInt(String.valueOf(o.get("depth"))),
                        String.valueOf(lock)));
            }
        }
        return monitors;
    }

    private static String lock(Map<String, Object> j) {
        for (String key : new String[] {"blockedOn", "waitingOn"}) {
            if (j.get(key) != null) {
                return j.get(key).toString();
            }
        }
        Object blocker = j.get("parkBlocker");
        if (blocker instanceof Map<?, ?> m) {
            return m.get("object") == null ? "" : String.valueOf(m.get("object"));
        }
        return blocker == null ? "" : blocker.toString();
    }

    private static List<DumpedThread> withMonitorOwners(List<DumpedThread> threads) {
        Map<String, DumpedThread> holders = new HashMap<>();
        threads.forEach(t -> t.lockedMonitors().forEach(m -> holders.put(m.lock(), t)));
        List<DumpedThread> out = new ArrayList<>(threads.size());
        for (DumpedThread t : threads) {
            DumpedThread owner = t.lock().isEmpty() || t.lockOwnerTid() >= 0 ? null : holders.get(t.lock());
            out.add(owner == null || owner == t ? t : new DumpedThread(t.tid(), t.name(), t.state(), t.virtual(),
                    t.daemon(), t.carrierTid(), t.lock(), owner.tid(), owner.name(), t.frames(), t.lockedMonitors(),
                    t.synchronizers()));
        }
        return out;
    }
}
