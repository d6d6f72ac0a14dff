package profcon.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's target: N parked threads and a probe thread measuring its own longest stall.
 * On stdin, {@code reset} clears the longest stall and {@code report} prints {@code STALL <ns>}.
 */
public final class StallProbeTarget {
    private static final long TICK_NS = 200_000;
    private static volatile long longest;

    private StallProbeTarget() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(null, LockSupport::park, "parked-" + i, 256 * 1024);
            t.setDaemon(true);
            t.start();
        }
        Thread probe = new Thread(StallProbeTarget::probe, "stall-probe");
        probe.setDaemon(true);
        probe.setPriority(Thread.MAX_PRIORITY);
        probe.start();
        System.out.println("READY " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("reset")) {
                longest = 0;
                System.out.println("OK");
            } else if (line.equals("report")) {
                System.out.println("STALL " + longest);
            }
        }
    }

    private static void probe() {
        long last = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(TICK_NS);
            long now = System.nanoTime();
            longest = Math.max(longest, now - last - TICK_NS);
            last = now;
        }
    }
}
