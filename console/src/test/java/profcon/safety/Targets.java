package profcon.safety;

import java.util.List;
import profcon.console.TargetJvm;

/** The target the safety tests use: the demo (one hot worker) on its own class path, as in real use. */
final class Targets {
    private Targets() {
    }

    static TargetJvm demo(String home) throws Exception {
        return TargetJvm.startOnClassPath(home, List.of(), TargetJvm.demoClassPath(), "profcon.demo.Demo", "--threads=1");
    }
}
