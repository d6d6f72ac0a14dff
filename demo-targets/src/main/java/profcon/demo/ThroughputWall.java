package profcon.demo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * Case 3, throughput wall: producers {@code put} into a hand-off queue drained by one slow
 * consumer, so adding producers only adds threads parked in {@code put}.
 *
 * <p>Options: {@code --producers=8}, {@code --queue=sync|array} ({@code SynchronousQueue} or an
 * {@code ArrayBlockingQueue} of one), {@code --consume-ms=5} per item in the consumer,
 * {@code --virtual} (JDK 21+) to run the producers as virtual threads.
 */
public final class ThroughputWall {
    private ThroughputWall() {
    }

    public static void main(String[] argv) {
        Target.run("ThroughputWall", argv, ThroughputWall::start);
    }

    static void start(Args args) {
        int producers = args.positive("producers", 8);
        // Fair queues serve producers in arrival order. An unfair SynchronousQueue is a stack: the
        // latest producer is served first and the others park for good, so their waits never end
        // and JFR, which records a park when it ends, would show almost nothing.
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
        }
        BlockingQueue<Item> queue = args.choice("queue", "sync", "array").equals("sync")
                ? new SynchronousQueue<>(true)
                : new ArrayBlockingQueue<>(1, true);
        Consumer consumer = new Consumer(queue, args.integer("consume-ms", 5));
        Threads.start("consumer", consumer);
        for (int i = 1; i <= producers; i++) {
            Threads.start("producer-" + i, new Producer(queue, i), virtual);
        }
    }

    record Item(int producer, long sequence, long payload) {
    }

    /** Makes items as fast as it can and hands each to the queue. */
    static final class Producer implements Runnable {
        private final BlockingQueue<Item> queue;
        private final int id;

        Producer(BlockingQueue<Item> queue, int id) {
            this.queue = queue;
            this.id = id;
        }

        @Override
        public void run() {
            try {
                for (long n = 0; ; n++) {
                    queue.put(new Item(id, n, n * 31 + id));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The single slow consumer: each item costs a downstream write of a few milliseconds. */
    static final class Consumer implements Runnable {
        private final BlockingQueue<Item> queue;
        private final long consumeMillis;
        long checksum;

        Consumer(BlockingQueue<Item> queue, long consumeMillis) {
            this.queue = queue;
            this.consumeMillis = consumeMillis;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    handle(queue.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void handle(Item item) throws InterruptedException {
            checksum += item.payload();
            // Stands for a slow downstream write; it sleeps rather than spins to keep CPU low.
            Thread.sleep(consumeMillis);
        }
    }
}
