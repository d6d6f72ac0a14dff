package profcon.demo;

import java.util.concurrent.CountDownLatch;

/**
 * Many threads, no work: thousands of threads all blocked entering one monitor, held forever
 * by a {@code gate-keeper} thread that sleeps inside it; the CPU stays near idle.
 *
 * <p>Options: {@code --threads=5000}, {@code --virtual} (JDK 21+; on JDK 21 to 23 a virtual
 * thread blocked on a monitor pins its carrier, so only as many block as there are carriers).
 */
public final class ManyThreadsNoWork {
    private ManyThreadsNoWork() {
    }

    public static void main(String[] argv) {
        Target.run("ManyThreadsNoWork", argv, ManyThreadsNoWork::start);
    }

    static void start(Args args) throws InterruptedException {
        int threads = args.positive("threads", 5000);
        boolean virtual = args.flag("virtual");
        if (virtual) {
            Threads.requireVirtual();
        }
        Gate gate = new Gate();
        CountDownLatch closed = new CountDownLatch(1);
        Threads.start("gate-keeper", () -> gate.holdForever(closed));
        closed.await();
        for (int i = 1; i <= threads; i++) {
            Threads.start("worker-" + i, gate::pass, virtual);
        }
    }

    /** The one monitor everybody needs. */
    static final class Gate {
        synchronized void holdForever(CountDownLatch closed) {
            closed.countDown();
            try {
                while (true) {
                    Thread.sleep(60_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void pass() {
            // Never reached while the keeper holds the gate.
        }
    }
}
