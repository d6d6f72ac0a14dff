package profcon.labels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every labelling thread's current labels, readable from outside the thread: a profiler samples a
 * thread that entered a long span before it started watching and must still see its labels.
 *
 * <p>Each thread registers one {@link Slot} the first time it uses labels; after that a change of
 * labels is one release store to its own slot, no map operation. A slot holds its thread weakly,
 * so the registry never keeps a thread alive: a slot whose thread was collected is dropped at the
 * next registration (through the reference queue), and one whose thread has ended at the next read.
 */
final class ThreadRegistry {
    private static final Map<Long, Slot> SLOTS = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Thread> COLLECTED = new ReferenceQueue<>();

    private ThreadRegistry() {
    }

    /** One thread's published labels: written only by that thread, read by any. */
    static final class Slot extends WeakReference<Thread> {
        private static final VarHandle LABELS;

        static {
            try {
                LABELS = MethodHandles.lookup().findVarHandle(Slot.class, "labels", LabelSet.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final long id;
        @SuppressWarnings("unused") // through LABELS
        private LabelSet labels = LabelSet.EMPTY;

        private Slot(Thread thread) {
            super(thread, COLLECTED);
            @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
            long tid = thread.getId();
            this.id = tid;
        }

        /** Acquire: a reader on another thread sees the whole label set the owner released. */
        LabelSet labels() {
            return (LabelSet) LABELS.getAcquire(this);
        }

        /**
         * Release, not volatile: the set (immutable) is published safely, and the owner does not
         * wait for the store to be visible (no full fence; a plain store on x86). A sampler reading
         * at that very moment sees the set before or after, as with any race with a tick.
         */
        void labels(LabelSet now) {
            LABELS.setRelease(this, now);
        }
    }

    /** A new slot for the calling thread, registered; slots of collected threads are dropped first. */
    static Slot register() {
        for (Object gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            Slot slot = (Slot) gone;
            SLOTS.remove(slot.id, slot);
        }
        Slot slot = new Slot(Thread.currentThread());
        SLOTS.put(slot.id, slot);
        return slot;
    }

    /** Thread id to encoded labels, for live threads whose labels are not empty; ended threads' slots are dropped. */
    static Map<Long, String> read() {
        Map<Long, String> out = new HashMap<>();
        for (Iterator<Slot> it = SLOTS.values().iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            Thread thread = slot.get();
            if (thread == null || !thread.isAlive()) {
                it.remove(); // thread ids are never reused, so an ended thread's slot can go at once
                continue;
            }
            LabelSet labels = slot.labels();
            if (!labels.map().isEmpty()) {
                out.put(slot.id, labels.encoded());
            }
        }
        return out;
    }

    /** How many slots are registered: for tests of the clean-up. */
    static int size() {
        return SLOTS.size();
    }
}
