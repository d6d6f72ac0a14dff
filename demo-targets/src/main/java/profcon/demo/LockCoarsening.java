package profcon.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Case 9, lock coarsening: {@code Batcher.processBatch} holds its monitor around the whole loop
 * of {@code process(item)} instead of around each item, so waiters wait a whole batch.
 *
 * <p>Options: {@code --threads=4}, {@code --batch=50} items, {@code --item-us=200} of work per
 * item, {@code --mode=coarse|fine} (fine locks per item, for comparison).
 */
public final class LockCoarsening {
    private LockCoarsening() {
    }

    public static void main(String[] argv) {
        Target.run("LockCoarsening", argv, LockCoarsening::start);
    }

    static void start(Args args) {
        int threads = args.positive("threads", 4);
        int batch = args.positive("batch", 50);
        long itemNanos = args.integer("item-us", 200) * 1000L;
        boolean coarse = args.choice("mode", "coarse", "fine").equals("coarse");
        Batcher batcher = new Batcher(itemNanos);
        for (int i = 1; i <= threads; i++) {
            int worker = i;
            Threads.start("worker-" + i, () -> workForever(batcher, worker, batch, coarse));
        }
    }

    static void workForever(Batcher batcher, int worker, int batch, boolean coarse) {
        for (long n = 0; ; n++) {
            List<Long> items = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                items.add(n * batch + i + worker * 1_000_000_000L);
            }
            if (coarse) {
                batcher.processBatch(items);
            } else {
                batcher.processEach(items);
            }
        }
    }

    /** Applies items to shared state; the batch method is where the monitor is held too long. */
    static final class Batcher {
        private final long itemNanos;
        private long state;

        Batcher(long itemNanos) {
            this.itemNanos = itemNanos;
        }

        void processBatch(List<Long> items) {
            synchronized (this) {
                for (long item : items) {
                    process(item);
                }
            }
        }

        void processEach(List<Long> items) {
            for (long item : items) {
                synchronized (this) {
                    process(item);
                }
            }
        }

        private void process(long item) {
            long x = state ^ item;
            long deadline = System.nanoTime() + itemNanos;
            do {
                for (int i = 0; i < 64; i++) {
                    x = (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
                }
            } while (System.nanoTime() < deadline);
            state = x;
        }
    }
}
