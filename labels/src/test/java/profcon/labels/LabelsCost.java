package profcon.labels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import jdk.jfr.Recording;

/**
 * What one {@link ProfileLabels#run} costs, with no recording, with a recording that does not
 * enable the labels events, and with one that does; and what a profiler's {@link ProfileLabels#byThread}
 * costs with 1,000 threads inside labelled spans, in the calling thread's CPU time; on JDK 21+, a run
 * on a platform and on a virtual thread (its label frame), in the process's CPU time. A main class,
 * not a test: figures depend on the machine. Run: {@code java -cp labels/target/classes:labels/target/test-classes profcon.labels.LabelsCost}.
 */
public final class LabelsCost {
    private static final int CALLS = 2_000_000;
    // this thread's CPU time, not the clock: on a shared machine, time spent waiting for a core is not the cost
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static long sink;

    public static void main(String[] args) throws Exception {
        Map<String, String> labels = Map.of("endpoint", "/checkout");
        Runnable work = () -> sink++;
        measure("no recording", labels, work);
        try (Recording other = new Recording()) {
            other.enable("jdk.ExecutionSample");
            other.start();
            measure("recording without labels events", labels, work);
        }
        try (Recording on = new Recording()) {
            on.enable("profcon.LabelsBegin").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            on.enable("profcon.LabelsEnd").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            on.start();
            measure("recording with labels events", labels, work);
        }
        measureRead(1_000);
        measureVirtual(labels, work);
    }

    /**
     * The same run on a platform and on a virtual thread (JDK 21+), where the work runs inside a
     * label frame (LabelFrames), by the process's CPU time for both: a virtual thread has no CPU
     * time of its own to read, the clock counts the time other processes took (load averages of
     * 30 to 90 here), and this JVM runs nothing else meanwhile (its JIT is warm by the later rounds).
     * The process clock ticks every 10 ms: about 5 ns per run over 2 million runs.
     */
    private static void measureVirtual(Map<String, String> labels, Runnable work) throws Exception {
        java.lang.reflect.Method startVirtual;
        try {
            startVirtual = Thread.class.getMethod("startVirtualThread", Runnable.class);
        } catch (NoSuchMethodException e) {
            System.out.println("on a virtual thread: JDK 21+ only");
            return;
        }
        java.util.function.LongSupplier process = ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean())::getProcessCpuTime;
        measure("platform thread, process CPU", labels, work, process);
        Runnable onVirtual = () -> measure("virtual thread (frame), process CPU", labels, work, process);
        ((Thread) startVirtual.invoke(null, onVirtual)).join();
    }

    /** {@code threads} parked inside a labelled span each, read by {@code byThread} from this thread. */
    private static void measureRead(int threads) throws InterruptedException {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(threads);
        java.util.concurrent.CountDownLatch leave = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> ProfileLabels.run(Map.of("tenant", "t" + inside.getCount()), () -> {
                inside.countDown();
                try {
                    leave.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }), "labelled-" + i);
            t.setDaemon(true);
            t.start();
        }
        inside.await();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 200; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            sink += ProfileLabels.byThread().size();
            double us = (CPU.getCurrentThreadCpuTime() - start) / 1_000.0;
            if (round >= 100) { // as above: warm-up first, then the least disturbed round
                best = Math.min(best, us);
            }
        }
        leave.countDown();
        System.out.printf(java.util.Locale.ROOT, "%-34s %6.1f us per call%n", "byThread, " + threads
                + " labelled threads", best);
    }

    private static void measure(String what, Map<String, String> labels, Runnable work) {
        measure(what, labels, work, CPU::getCurrentThreadCpuTime);
    }

    private static void measure(String what, Map<String, String> labels, Runnable work,
                                java.util.function.LongSupplier clock) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = clock.getAsLong();
            for (int i = 0; i < CALLS; i++) {
                ProfileLabels.run(labels, work);
            }
            double ns = (double) (clock.getAsLong() - start) / CALLS;
            if (round >= 5) { // the first rounds warm the JIT up; the best later round is the least disturbed by load
                best = Math.min(best, ns);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%-34s %6.1f ns per run%n", what, best);
    }
}
