package profcon.bench;

import com.sun.tools.attach.VirtualMachine;
import java.util.concurrent.TimeUnit;

/**
 * The accuracy bench's anchor engine: async-profiler loaded straight into the target through the
 * Attach API ({@code event=cpu,interval=10ms}), no profcon involved, writing collapsed stacks. Prints
 * {@code window-ms=FROM,TO}, the epoch milliseconds between the start's return and the stop, for
 * {@link CpuSharesCheck}. Usage: {@code AsyncProfilerDirect PID LIBASYNCPROFILER SECONDS OUT.collapsed}.
 */
public final class AsyncProfilerDirect {
    private AsyncProfilerDirect() {
    }

    public static void main(String[] args) throws Exception {
        String library = args[1];
        long seconds = Long.parseLong(args[2]);
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(library, "start,event=cpu,interval=10ms");
            long from = System.currentTimeMillis();
            TimeUnit.SECONDS.sleep(seconds); // the profile's window: its length is the subject, not a wait
            long to = System.currentTimeMillis();
            vm.loadAgentPath(library, "stop,collapsed,file=" + args[3]);
            System.out.println("window-ms=" + from + "," + to);
        } finally {
            vm.detach();
        }
    }
}
