package profcon.agent;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import profcon.agent.profile.Collector;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Reply;

/** What the console's {@code info} shows about the target, read without stopping it. */
final class TargetInfo {
    /** The target, its threads and GC, and the agent's own cost so far, in the order {@code info} shows them. */
    Reply.Info describe(Collector sampler, long agentCpuNanos) {
        RuntimeMXBean rt = ManagementFactory.getRuntimeMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Lines lines = new Lines();
        lines.add("pid=" + ProcessHandle.current().pid());
        lines.add("main=" + mainClass());
        lines.add("vm=" + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version", System.getProperty("java.version")));
        lines.add("java_version=" + System.getProperty("java.specification.version"));
        lines.add("java_home=" + System.getProperty("java.home"));
        lines.add("uptime_ms=" + rt.getUptime());
        lines.add("threads=" + threads.getThreadCount());
        lines.add("daemon_threads=" + threads.getDaemonThreadCount());
        lines.add("peak_threads=" + threads.getPeakThreadCount());
        lines.add("processors=" + Runtime.getRuntime().availableProcessors());
        lines.add("gc=" + gcNames());
        lines.add("heap_used=" + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        lines.add("heap_max=" + Runtime.getRuntime().maxMemory());
        lines.add("agent_version=" + ProfconAgent.VERSION);
        lines.add("agent_protocol=" + Codec.PROTOCOL);
        lines.add("agent_cpu_ns=" + agentCpuNanos);
        lines.add("profiling=" + (sampler == null ? "none" : sampler.kind()));
        if (sampler != null) {
            lines.add("profiling_settings=" + sampler.settings());
            lines.add("profiling_events=" + sampler.events());
        }
        return new Reply.Info(lines.values);
    }

    /** Ordered key/values added as {@code key=value}, so the list above reads like the wire. */
    private static final class Lines {
        private final Map<String, String> values = new LinkedHashMap<>();

        void add(String line) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }

    private static String mainClass() {
        String command = System.getProperty("sun.java.command", "");
        return command.isEmpty() ? "?" : command.split(" ")[0];
    }

    private static String gcNames() {
        StringJoiner names = new StringJoiner(", ");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return names.toString();
    }
}
