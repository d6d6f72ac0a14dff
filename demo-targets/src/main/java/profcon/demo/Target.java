package profcon.demo;

import java.util.concurrent.CountDownLatch;

/**
 * The shape every demo target shares: parse arguments, start the defect's threads, print
 * {@code READY <pid>}, then run until killed or for {@code --duration=SECONDS}.
 *
 * <p>{@link #run} returns once the ready line is out, so a target's {@code main} can do what must
 * follow it; the target's non-daemon threads keep the JVM alive after {@code main} returns.
 */
final class Target {
    /** Starts a target's threads from its arguments and returns; the threads keep the JVM alive. */
    interface Body {
        void start(Args args) throws Exception;
    }

    private static final CountDownLatch READY_PRINTED = new CountDownLatch(1);

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;

    private Target() {
    }

    static void run(String name, String[] argv, Body body) {
        int durationSeconds;
        try {
            Args args = Args.parse(argv);
            durationSeconds = args.integer("duration", 0);
            body.start(args);
            args.rejectUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        } catch (Exception e) {
            System.err.println(name + ": could not start: " + e);
            System.exit(EXIT_FAILED);
            return;
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        READY_PRINTED.countDown();
        if (durationSeconds > 0) {
            Thread timer = new Thread(() -> sleepThenExit(durationSeconds), "duration");
            timer.setDaemon(true);
            timer.start();
        }
    }

    /**
     * Blocks until the ready line is out. Threads that would write to stdout, or starve the main
     * thread of CPU while it is still starting threads, call this first.
     */
    static void awaitReadyLine() {
        try {
            READY_PRINTED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepThenExit(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }
}
