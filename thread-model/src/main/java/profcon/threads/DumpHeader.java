package profcon.threads;

import java.io.PrintWriter;
import java.util.Locale;

/** The lines every thread-dump report starts with: how many threads, how the dump was taken, what it cost. */
public final class DumpHeader {
    private DumpHeader() {
    }

    public static void render(ThreadDump dump, PrintWriter out) {
        out.printf(Locale.ROOT, "Threads: %,d (%,d platform, %,d virtual); JDK %s%n", dump.threads().size(),
                dump.platformCount(), dump.virtualCount(), dump.jdk());
        out.println("Taken with: " + dump.method());
        if (dump.stacksReused() > 0) {
            out.printf(Locale.ROOT, "Stacks: %,d read, %,d kept from the previous dump (threads that had not run "
                    + "since)%n", dump.stacksRead(), dump.stacksReused());
        }
        if (dump.view().equals("full")) {
            out.printf(Locale.ROOT, "Pause: the stopping call took %s; a probe thread in the target stalled %s "
                    + "(whole dump %s)%n", ms(dump.callNanos()), ms(dump.stallNanos()), ms(dump.tookNanos()));
        } else {
            out.printf(Locale.ROOT, "Cost: took %s; longest stall of a probe thread in the target %s "
                    + "(no global safepoint)%n", ms(dump.tookNanos()), ms(dump.stallNanos()));
        }
    }

    public static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
