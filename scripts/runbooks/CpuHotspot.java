///usr/bin/env "$(dirname "$0")/../jbang" "$0" "$@" ; exit $?
// A Java runbook: profile a JVM's CPU and fail (exit 1) unless the expected method is on top.
// Usage: scripts/jbang scripts/runbooks/CpuHotspot.java <pid> [expected-regex]
//SOURCES ../Profcon.java

import java.time.Duration;
import profcon.api.Profcon;

public class CpuHotspot {
    public static void main(String[] args) throws Exception {
        long pid = Long.parseLong(args[0]);
        String expected = args.length > 1 ? args[1] : ".";
        try (Profcon p = Profcon.attach(pid)) {
            p.profile("cpu", Duration.ofSeconds(5));
            String top = p.run("top5");
            System.out.print(top);
            p.run("expect top1 " + expected);
        }
    }
}
