package profcon.agent.threads;

import java.lang.management.LockInfo;
import java.util.Arrays;

/**
 * "Thread waits for a lock owned by thread", for the threads of a dump that wait on a lock with
 * a known owner: the graph {@link DeadlockFinder} searches. Kept in plain arrays while the dump
 * is being taken (no map entry or boxed id per thread): the lock is its class name, which the
 * JDK caches, and its identity hash.
 */
final class WaitGraph {
    private long[] tids = new long[16];
    private long[] owners = new long[16];
    private String[] lockClasses = new String[16];
    private int[] lockHashes = new int[16];
    private int count;

    /** Records what the thread waits for, if it waits on a lock with an owner. */
    void add(long tid, LockInfo lock, long owner) {
        if (lock == null || owner < 0) {
            return;
        }
        if (count == tids.length) {
            int n = count * 2;
            tids = Arrays.copyOf(tids, n);
            owners = Arrays.copyOf(owners, n);
            lockClasses = Arrays.copyOf(lockClasses, n);
            lockHashes = Arrays.copyOf(lockHashes, n);
        }
        tids[count] = tid;
        owners[count] = owner;
        lockClasses[count] = lock.getClassName();
        lockHashes[count] = lock.getIdentityHashCode();
        count++;
    }

    int size() {
        return count;
    }

    long tid(int i) {
        return tids[i];
    }

    long owner(int i) {
        return owners[i];
    }

    /** True if thread {@code i} waits for exactly this lock. */
    boolean sameLock(int i, LockInfo lock) {
        return lock != null && lock.getIdentityHashCode() == lockHashes[i] && lock.getClassName().equals(lockClasses[i]);
    }

    /** The index of the waiting thread {@code tid}, or -1 if it waits for nothing with an owner. */
    int indexOf(long tid, Index index) {
        int at = Arrays.binarySearch(index.sortedTids, tid);
        return at < 0 ? -1 : index.positions[at];
    }

    /** A lookup from thread id to index, for {@link #indexOf}: the ids sorted, and where each one is. */
    Index index() {
        long[] sorted = Arrays.copyOf(tids, count);
        Arrays.sort(sorted);
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[Arrays.binarySearch(sorted, tids[i])] = i;
        }
        return new Index(sorted, positions);
    }

    record Index(long[] sortedTids, int[] positions) {
    }
}
