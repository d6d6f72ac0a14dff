package profcon.sched;

/** A kernel CPU list such as {@code 0-3,8,10-11} ({@code Cpus_allowed_list}, {@code cpuset.cpus}). */
public final class CpuList {
    private CpuList() {
    }

    /** How many CPUs the list names; 0 for an empty list. */
    public static int count(String list) {
        int n = 0;
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
        }
        return n;
    }
}
