package profcon.engine;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.io.IOException;
import java.nio.file.Path;
import profcon.attach.TargetConnection;
import profcon.attach.TargetGoneException;

/**
 * async-profiler's actions in one target, each sent through its own attach ({@code loadAgentPath}
 * with the action as arguments; straight to the target's listener once one is up, which the console's
 * own attach has made sure of): the library is loaded by the first, and every later one finds it
 * there. {@code loglevel=NONE}: nothing is printed on the target's stdout, and no log file is
 * left open in the target (a {@code log=FILE} stays open there until the next action).
 */
final class AsyncProfiler {
    private final long pid;
    private final Path library;

    AsyncProfiler(long pid, Path library) {
        this.pid = pid;
        this.library = library;
    }

    /** Runs {@code action} ("start,event=cpu,..."); a refusal is an IOException with the library's reason. */
    void run(String action) throws IOException {
        TargetConnection vm;
        try {
            vm = TargetConnection.open(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw goneOr(new IOException("cannot attach to " + pid + " for async-profiler: " + e.getMessage(), e));
        }
        try {
            vm.loadAgentPath(library.toString(), action + ",loglevel=NONE");
        } catch (AgentInitializationException e) {
            throw new IOException("async-profiler refused '" + action.split(",")[0] + "' in target " + pid
                    + " (return code " + e.returnValue() + "); 'engine=jfr' profiles without it", e);
        } catch (AgentLoadException e) {
            throw new IOException("target " + pid + " could not load async-profiler's library: " + e.getMessage(), e);
        } catch (IOException e) {
            throw goneOr(e); // the target may have died between the connection and the command
        } finally {
            vm.detach();
        }
    }

    /** {@code failure}, or that the target exited when it did. */
    private IOException goneOr(IOException failure) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return failure;
        }
        return new TargetGoneException("target " + pid + " exited", failure);
    }
}
