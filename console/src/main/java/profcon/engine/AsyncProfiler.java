package profcon.engine;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Path;
import profcon.attach.TargetGoneException;

/**
 * async-profiler's actions in one target, each sent through its own attach ({@code loadAgentPath}
 * with the action as arguments): the library is loaded by the first, and every later one finds it
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
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IOException("cannot attach to " + pid + " for async-profiler: " + e.getMessage(), e);
            }
            throw new TargetGoneException("target " + pid + " exited", e);
        }
        try {
            vm.loadAgentPath(library.toString(), action + ",loglevel=NONE");
        } catch (AgentInitializationException e) {
            throw new IOException("async-profiler refused '" + action.split(",")[0] + "' in target " + pid
                    + " (return code " + e.returnValue() + "); 'engine=jfr' profiles without it", e);
        } catch (AgentLoadException e) {
            throw new IOException("target " + pid + " could not load async-profiler's library: " + e.getMessage(), e);
        } finally {
            vm.detach();
        }
    }
}
