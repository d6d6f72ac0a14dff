package profcon.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.AttachOperationFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The attach API's connection to a target, made on a thread of its own ({@code profcon-attach})
 * while the console prepares the agent jars, the session directory and the socket: the round trips
 * to the target (its attach listener, its system properties) overlap that work instead of
 * following it. A target whose listener is up (it was attached before) is spoken to directly
 * ({@link ListenerConnection}); the JDK's attach API starts one that is not. Closing detaches, once
 * the connection is made.
 */
final class PendingAttach implements AutoCloseable {
    /** The connection and the target's system properties, read once. */
    record Connected(TargetConnection connection, Properties system) {
    }

    private final FutureTask<Connected> task;
    private final Thread thread;
    private boolean closed;

    private PendingAttach(long pid) {
        this.task = new FutureTask<>(() -> connect(pid));
        this.thread = new Thread(task, "profcon-attach");
        this.thread.setDaemon(true);
    }

    /** Starts connecting to {@code pid}, a process already known to be a JVM. */
    static PendingAttach start(long pid) {
        PendingAttach pending = new PendingAttach(pid);
        pending.thread.start();
        return pending;
    }

    private static Connected connect(long pid) throws AttachNotSupportedException, IOException {
        TargetConnection vm = TargetConnection.open(pid);
        try {
            return new Connected(vm, systemProperties(vm));
        } catch (IOException | RuntimeException e) {
            vm.detach();
            throw e;
        }
    }

    /**
     * The target's system properties. The target copies them while its own threads may change
     * them (an ending profcon session clears its property), and that copy can fail in the target:
     * the JDK then reports an {@link AttachOperationFailedException}, so a second read is worth it.
     */
    private static Properties systemProperties(TargetConnection vm) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return vm.systemProperties();
            } catch (AttachOperationFailedException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Waits for the connection; fails as the attach API did. */
    Connected get() throws AttachNotSupportedException, IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while attaching");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AttachNotSupportedException a) {
                throw a;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Detaches, waiting for the connection if it is still being made; nothing to do if it failed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Connected connected;
        try {
            connected = get();
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            return; // no connection was made: nothing to release
        }
        connected.connection().detach();
    }
}
