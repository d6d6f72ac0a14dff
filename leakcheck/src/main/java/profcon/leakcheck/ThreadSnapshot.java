package profcon.leakcheck;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The threads alive at one moment, by thread id (a thread's identity: names repeat, ids do not). */
public record ThreadSnapshot(Set<Long> threadIds) {
    public ThreadSnapshot {
        threadIds = Set.copyOf(threadIds);
    }

    public boolean contains(long tid) {
        return threadIds.contains(tid);
    }

    /** This snapshot with {@code more} thread ids counted as already there. */
    public ThreadSnapshot with(Collection<Long> more) {
        Set<Long> ids = new HashSet<>(threadIds);
        ids.addAll(more);
        return new ThreadSnapshot(ids);
    }

    public int size() {
        return threadIds.size();
    }
}
