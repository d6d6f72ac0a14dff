package profcon.sched;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The whole machine at an instant: its 1-minute load average ({@code /proc/loadavg}), its online
 * CPUs, and the clock ticks they spent busy and in all ({@code /proc/stat}), so two readings say how
 * busy the machine was over a window, whoever kept it busy.
 */
public record MachineTimes(double load1, int cpus, long busyTicks, long totalTicks) {
    /** The machine now, from the proc file system at {@code proc}. */
    public static MachineTimes read(Path proc) throws IOException {
        return parse(ProcTasks.text(proc.resolve("loadavg")), ProcTasks.text(proc.resolve("stat")));
    }

    /** The reading from the texts of {@code loadavg} and {@code stat}. */
    static MachineTimes parse(String loadavg, String stat) {
        double load1 = Double.parseDouble(loadavg.strip().split("\\s+")[0]);
        int cpus = 0;
        long busy = 0;
        long total = 0;
        for (String line : stat.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f[0].equals("cpu")) {
                for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest time is already in user
                    total += Long.parseLong(f[i]);
                }
                busy = total - Long.parseLong(f[4]) - (f.length > 5 ? Long.parseLong(f[5]) : 0); // less idle, iowait
            } else if (f[0].matches("cpu\\d+")) {
                cpus++;
            }
        }
        return new MachineTimes(load1, cpus, busy, total);
    }

    /** The share of the machine's CPU time that was busy between {@code earlier} and this reading. */
    public double busySince(MachineTimes earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? 0 : (double) (busyTicks - earlier.busyTicks) / total;
    }
}
