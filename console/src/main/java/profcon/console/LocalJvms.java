package profcon.console;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import profcon.attach.JvmProcess;

/** The local JVMs profcon could attach to, listed like {@code jps -l} with version and attachability. */
public final class LocalJvms {
    /** One local JVM. */
    public record Entry(long pid, String main, String javaVersion, String attachable) {
    }

    private LocalJvms() {
    }

    public static List<Entry> list() {
        long self = ProcessHandle.current().pid();
        List<Entry> entries = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            long pid;
            try {
                pid = Long.parseLong(d.id());
            } catch (NumberFormatException e) {
                continue;
            }
            if (pid == self) {
                continue;
            }
            JvmProcess p = JvmProcess.of(pid).orElse(null);
            if (p == null) {
                continue;
            }
            String version = p.javaVersion();
            String attachable = version.isEmpty() ? "unknown"
                    : Integer.parseInt(version) >= 17 ? "yes" : "no (Java " + version + " < 17)";
            entries.add(new Entry(pid, d.displayName().isEmpty() ? "?" : d.displayName().split(" ")[0],
                    version.isEmpty() ? "?" : version, attachable));
        }
        return entries;
    }

    public static void print(List<Entry> entries, PrintWriter out) {
        if (entries.isEmpty()) {
            out.println("no other JVM of this user is running");
            return;
        }
        out.printf(Locale.ROOT, "%8s  %-4s  %-10s  %s%n", "PID", "JAVA", "ATTACHABLE", "MAIN CLASS OR JAR");
        for (Entry e : entries) {
            out.printf(Locale.ROOT, "%8d  %-4s  %-10s  %s%n", e.pid(), e.javaVersion(), e.attachable(), e.main());
        }
        out.flush();
    }
}
