package profcon.demo;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Case 7, thread leak: every task ends with {@code results.put(r)} on a {@code SynchronousQueue}
 * that nobody drains, so each task's pool thread parks there for good and the cached pool keeps
 * making new ones.
 *
 * <p>Options: {@code --rate=20} tasks per second, {@code --max-tasks=20000} after which the
 * dispatcher stops (a safety cap), {@code --virtual} (JDK 21+) for one virtual thread per task.
 */
public final class ThreadLeak {
    private ThreadLeak() {
    }

    public static void main(String[] argv) {
        Target.run("ThreadLeak", argv, ThreadLeak::start);
    }

    static void start(Args args) {
        int rate = args.positive("rate", 20);
        int maxTasks = args.positive("max-tasks", 20_000);
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
        }
        BlockingQueue<Long> results = new SynchronousQueue<>();
        Consumer<Task> launch = virtual
                ? task -> Threads.startVirtual("task-" + task.input, task)
                : Executors.newCachedThreadPool()::execute;
        Threads.start("dispatcher", () -> dispatch(launch, results, rate, maxTasks));
    }

    static void dispatch(Consumer<Task> launch, BlockingQueue<Long> results, int rate, int maxTasks) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int n = 1; n <= maxTasks; n++) {
            launch.accept(new Task(results, n));
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** Computes a result and hands it to a queue whose consumer was never started. */
    static final class Task implements Runnable {
        private final BlockingQueue<Long> results;
        private final long input;

        Task(BlockingQueue<Long> results, long input) {
            this.results = results;
            this.input = input;
        }

        @Override
        public void run() {
            long r = input;
            for (int i = 0; i < 10_000; i++) {
                r = (r * 6364136223846793005L + 1442695040888963407L) ^ (r >>> 29);
            }
            try {
                results.put(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
