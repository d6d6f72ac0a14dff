package profcon.leakcheck;

import java.util.List;

/**
 * Threads the JVM, the JDK and test tools start lazily and keep for the life of the JVM: a test
 * that happens to be the first to need one did not leak it. docs/leakcheck.md gives each reason.
 * The virtual-thread scheduler's carriers are known by their class instead ({@link LiveThreads#carrierIds}):
 * their names and stacks are those of any fork-join pool's workers.
 */
final class BuiltinIgnores {
    static final List<IgnoreRule> RULES = List.of(
            // the VM's own threads, some started only on first use (Attach Listener, Notification Thread)
            IgnoreRule.name("Reference Handler|Finalizer|Signal Dispatcher|Attach Listener|Service Thread"
                    + "|Notification Thread|Monitor Deflation Thread|Sweeper thread|DestroyJavaVM"),
            IgnoreRule.name("(C1|C2|JVMCI) CompilerThread\\d+|JVMCI-native CompilerThread\\d+"),
            // java.lang.ref.Cleaner's common thread, started by the first class that registers a cleaner
            IgnoreRule.name("Common-Cleaner"),
            // JFR's recorder and periodic-task threads, started by the first recording and kept
            IgnoreRule.name("JFR .*"),
            // ProcessBuilder's reaper (JDK 25 adds the pid it waits for), kept idle for the next process
            IgnoreRule.name("process reaper.*"),
            // virtual threads' pollers and unparker/unblocker, started with the first virtual thread that blocks
            IgnoreRule.name("(Read|Write)-Poller|VirtualThread-unparker|VirtualThread-unblocker"),
            // idle common-pool workers: parallel streams and CompletableFuture.*Async start them and the pool keeps them
            IgnoreRule.nameAndFunction("ForkJoinPool\\.commonPool-worker-\\d+", "java.util.concurrent.ForkJoinPool.awaitWork"),
            // HttpURLConnection's keep-alive cache timer, started by the first kept-alive connection
            IgnoreRule.name("Keep-Alive-Timer|Keep-Alive-SocketCleaner"),
            // Maven Surefire's and JUnit's own threads in the test JVM
            IgnoreRule.name("surefire-forkedjvm-.*|junit-jupiter-timeout-watcher"));

    private BuiltinIgnores() {
    }
}
