package profcon.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Case 11, pauses: stop-the-world pauses with no lock to blame. An allocator churns a retained
 * live set, a {@code gc-trigger} thread calls {@code System.gc()} (a full, stop-the-world
 * collection with cause {@code System.gc()}), and with {@code --threaddump} a {@code dumper}
 * thread takes full thread dumps with lock information (a global safepoint each).
 *
 * <p>Options: {@code --live-mb=256} retained, {@code --alloc-mb-per-s=200},
 * {@code --gc-interval-ms=1000}, {@code --threaddump}, {@code --dump-interval-ms=2000},
 * {@code --idle-threads=0} parked threads that make each dump longer.
 */
public final class Pauses {
    private static final int CHUNK = 64 * 1024;

    private Pauses() {
    }

    public static void main(String[] argv) {
        Target.run("Pauses", argv, Pauses::start);
    }

    static void start(Args args) {
        int liveMb = args.positive("live-mb", 256);
        int allocMbPerSecond = args.positive("alloc-mb-per-s", 200);
        long gcInterval = args.positive("gc-interval-ms", 1000);
        boolean threadDump = args.flag("threaddump");
        long dumpInterval = args.positive("dump-interval-ms", 2000);
        int idle = args.integer("idle-threads", 0);
        for (int i = 1; i <= idle; i++) {
            Threads.startSmall("idle-" + i, LockSupport::park);
        }
        Allocator allocator = new Allocator(liveMb * (1024 * 1024 / CHUNK), allocMbPerSecond);
        Threads.start("allocator", allocator::churnForever);
        Threads.start("gc-trigger", () -> everyInterval(gcInterval, System::gc));
        if (threadDump) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Threads.start("dumper", () -> everyInterval(dumpInterval, () -> threads.dumpAllThreads(true, true)));
        }
    }

    static void everyInterval(long millis, Runnable action) {
        try {
            while (true) {
                Thread.sleep(millis);
                action.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps a live set of chunks and replaces random ones at a paced rate, so old data dies. */
    static final class Allocator {
        private final byte[][] live;
        private final int chunksPerTick;

        Allocator(int liveChunks, int mbPerSecond) {
            this.live = new byte[Math.max(1, liveChunks)][];
            // Ten ticks a second.
            this.chunksPerTick = Math.max(1, mbPerSecond * (1024 * 1024 / CHUNK) / 10);
        }

        void churnForever() {
            for (int i = 0; i < live.length; i++) {
                live[i] = new byte[CHUNK];
            }
            long tick = TimeUnit.MILLISECONDS.toNanos(100);
            long next = System.nanoTime();
            while (true) {
                allocate();
                next += tick;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }

        private void allocate() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < chunksPerTick; i++) {
                byte[] chunk = new byte[CHUNK];
                chunk[random.nextInt(CHUNK)] = 1;
                live[random.nextInt(live.length)] = chunk;
            }
        }
    }
}
