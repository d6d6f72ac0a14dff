package profcon.explain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Write lock taken for reads: a method named like a read waits on an exclusive lock, so readers exclude each other. */
final class WriteLockForReads implements Rule {
    /**
     * Method names that say "read": a heuristic (the data cannot see whether the section writes), hence
     * medium confidence and 'list' as the confirming command.
     */
    static final Pattern READ_NAME = Pattern.compile("(get|read|find|lookup|contains|is|has|peek|size|fetch|load)"
            + "([A-Z_].*)?");
    /** Exclusive lock kinds: a read lock is shared, so readers behind it are another shape. */
    static final Pattern EXCLUSIVE = Pattern.compile("monitor of .*|ReentrantLock|" + ReaderStarvation.WRITE_LOCK);

    @Override
    public String id() {
        return "write-lock-for-reads";
    }

    @Override
    public String name() {
        return "write (exclusive) lock taken for reads";
    }

    @Override
    public Set<Input> needs() {
        return Set.of(Input.LOCK);
    }

    @Override
    public Verdict judge(Evidence e) {
        LockFacts f = LockFacts.of(e);
        if (!f.contended() || f.share() < LockContention.CLEAR_SHARE || !EXCLUSIVE.matcher(f.lockClass()).matches()
                || JdkContention.isJdkLock(f.lockClass()) || !READ_NAME.matcher(method(f.top().function())).matches()) {
            return Verdict.silent();
        }
        String evidence = String.format(Locale.ROOT, "%s, an exclusive lock around what its name says is a read: "
                + "readers exclude each other (a read lock or a lock-free read lets them run together)", f.sentence());
        return Verdict.found(new Finding(id(), name(), evidence, f.top().function(), f.top().location(),
                Confidence.MEDIUM, "list " + f.top().shortName(), "lock", f.topWaiting() * 1.25, LockContention.ID));
    }

    static String method(String function) {
        return function.substring(function.lastIndexOf('.') + 1);
    }
}
