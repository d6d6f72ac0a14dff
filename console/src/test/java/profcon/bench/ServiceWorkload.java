package profcon.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's target: a small service. Client threads send requests to a worker pool and wait
 * for each answer; a request burns CPU, updates a shared map under a lock, allocates a response,
 * and blocks on I/O: a round trip to a backend on a loopback socket ({@code --backend-port=N}; the
 * backend, which answers after {@code --io-micros}, is the benchmark's own process), or without a
 * backend a {@code parkNanos} of {@code --io-micros}. Every second it prints
 * {@code STAT epochMillis ops p99Micros cpuNanos}, measured inside the target, so the figures include
 * whatever an attached profiler costs ({@code cpuNanos}: the process's CPU time so far, every thread
 * of it, JFR's and the agent's included).
 *
 * <p>Options: {@code --workers=4 --clients=8 --cpu-iterations=20000 --io-micros=200 --backend-port=0},
 * {@code --virtual=1} (JDK 21+) for a Loom service: clients and a virtual thread per request instead
 * of the worker pool, and {@code --parked-virtual=N} idle virtual threads waiting on a queue (idle
 * connections), which every virtual-thread dump must walk. Run {@code --virtual=1} with the
 * benchmark's {@code --io=park}: the backend connection is per thread, so a thread per request
 * would open one per request and measure connection set-up.
 */
public final class ServiceWorkload {
    private static final int SUB_BUCKETS = 16;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final ExecutorService pool;
    private final Map<Integer, Long> cache = new HashMap<>();
    private final LongAdder ops = new LongAdder();
    private final AtomicLongArray latency = new AtomicLongArray(64 * SUB_BUCKETS); // log-linear, in ns
    private final int cpuIterations;
    private final long ioNanos;
    private final int backendPort;
    private final ThreadLocal<Socket> backend = new ThreadLocal<>(); // one connection per worker
    private volatile long sink;

    private ServiceWorkload(ExecutorService pool, int cpuIterations, long ioMicros, int backendPort) {
        this.pool = pool;
        this.cpuIterations = cpuIterations;
        this.ioNanos = ioMicros * 1_000;
        this.backendPort = backendPort;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, Integer> o = options(argv);
        boolean virtual = o.getOrDefault("virtual", 0) == 1;
        ServiceWorkload w = new ServiceWorkload(virtual ? VirtualThreads.perTask() : platformPool(o.getOrDefault("workers", 4)),
                o.getOrDefault("cpu-iterations", 20_000), o.getOrDefault("io-micros", 200), o.getOrDefault("backend-port", 0));
        for (int i = 1; i <= o.getOrDefault("clients", 8); i++) {
            long seed = i;
            if (virtual) {
                VirtualThreads.start("client-" + i, () -> w.client(seed));
            } else {
                Thread client = new Thread(() -> w.client(seed), "client-" + i);
                client.setDaemon(true);
                client.start();
            }
        }
        java.util.concurrent.BlockingQueue<Runnable> idle = new java.util.concurrent.LinkedBlockingQueue<>();
        for (int i = 1; i <= o.getOrDefault("parked-virtual", 0); i++) {
            VirtualThreads.start("idle-" + i, () -> waitForWork(idle));
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        w.report();
    }

    private static ExecutorService platformPool(int workers) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(workers, r -> new Thread(r, "svc-worker-" + n.incrementAndGet()));
    }

    /** An idle connection's handler: parked on a queue nobody fills. */
    private static void waitForWork(java.util.concurrent.BlockingQueue<Runnable> queue) {
        try {
            queue.take().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void client(long seed) {
        long x = seed;
        while (true) {
            long start = System.nanoTime();
            long key = x;
            Future<Long> answer = pool.submit(() -> handle(key));
            try {
                x = answer.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            record(System.nanoTime() - start);
            ops.increment();
        }
    }

    /** One request: CPU, a contended lock, allocation, and a short block. */
    private long handle(long x) {
        long h = x;
        for (int i = 0; i < cpuIterations; i++) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
        }
        synchronized (cache) {
            cache.merge((int) (h & 1023), h, Long::sum);
        }
        List<byte[]> response = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            response.add(new byte[128 + (int) (h & 127)]);
        }
        sink = response.size();
        if (backendPort == 0) {
            LockSupport.parkNanos(ioNanos);
        } else {
            callBackend(h);
        }
        return h + response.get(3).length;
    }

    /** Sends 8 bytes to the backend and reads its 8-byte answer: a blocking read, as a service's I/O is. */
    private void callBackend(long h) {
        try {
            Socket s = backend.get();
            if (s == null) {
                s = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                s.setTcpNoDelay(true);
                backend.set(s);
            }
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(h);
            out.flush();
            sink = new DataInputStream(s.getInputStream()).readLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(long nanos) {
        int log = 63 - Long.numberOfLeadingZeros(Math.max(1, nanos));
        int sub = log < 4 ? 0 : (int) ((nanos >>> (log - 4)) & (SUB_BUCKETS - 1));
        latency.incrementAndGet(log * SUB_BUCKETS + sub);
    }

    private void report() throws InterruptedException {
        while (true) {
            Thread.sleep(1_000); // the reporting period itself
            long n = ops.sumThenReset();
            long[] counts = new long[latency.length()];
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = latency.getAndSet(i, 0);
                total += counts[i];
            }
            System.out.println("STAT " + System.currentTimeMillis() + " " + n + " " + percentile(counts, total, 0.99) / 1_000
                    + " " + PROCESS.getProcessCpuTime());
            System.out.flush();
        }
    }

    /** The upper edge of the bucket holding the given percentile, in ns. */
    private static long percentile(long[] counts, long total, double p) {
        long rank = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && total > 0) {
                int log = i / SUB_BUCKETS;
                int sub = i % SUB_BUCKETS;
                return log < 4 ? 1L << (log + 1) : (1L << log) + ((long) (sub + 1) << (log - 4));
            }
        }
        return 0;
    }

    private static Map<String, Integer> options(String[] argv) {
        Map<String, Integer> o = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=number, got " + a);
            }
            o.put(a.substring(2, eq), Integer.parseInt(a.substring(eq + 1)));
        }
        return o;
    }
}
