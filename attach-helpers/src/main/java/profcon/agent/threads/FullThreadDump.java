package profcon.agent.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dump behind {@code goroutines -full}, like {@code jstack -l}: {@code dumpAllThreads(true, true)},
 * every platform thread with its locked monitors and ownable synchronizers, in one global
 * safepoint. The call is timed and a probe thread measures the stall; virtual threads (JDK 21+)
 * are added from the JSON dump afterwards, outside the pause.
 */
final class FullThreadDump {
    private final Path dir;
    private final PauseModel model;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    FullThreadDump(Path dir, PauseModel model) {
        this.dir = dir;
        this.model = model;
    }

    byte[] take() throws IOException {
        StallProbe probe = StallProbe.start();
        long start = System.nanoTime();
        ThreadInfo[] infos = mx.dumpAllThreads(true, true);
        long call = System.nanoTime() - start;
        long stall = probe.stop();
        model.observed(PauseModel.Kind.FULL, infos.length, call);
        String method = "ThreadMXBean.dumpAllThreads(true, true): one global safepoint";
        boolean json = JsonThreadDump.available();
        if (json) {
            method += "; virtual threads from dumpThreads(JSON) after it";
        }
        ThreadDumps dump = new ThreadDumps("full", method, infos.length);
        for (int i = 0; i < infos.length; i++) {
            dump.add(infos[i]);
            infos[i] = null; // written: nothing keeps it alive any more
        }
        dump.labels();
        Path file = json ? JsonThreadDump.take(dir) : null;
        try {
            return dump.finish(System.nanoTime() - start, stall, call, mx, file);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
