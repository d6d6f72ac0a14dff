package profcon.console.command;

import java.io.IOException;
import java.util.Map;
import profcon.console.CommandException;
import profcon.console.Session;
import profcon.engine.EngineChoice;

/** The engine choice for the session's target, from what its agent says about the VM: shared by profile and info. */
final class Engines {
    private Engines() {
    }

    /** The engine for {@code kind}; {@code asked} is the engine= option or null; a bad or impossible one is a CommandException. */
    static EngineChoice choose(Session session, String kind, String asked) throws IOException, CommandException {
        return choose(session, session.requireTarget("profile").info(), kind, asked);
    }

    static EngineChoice choose(Session session, Map<String, String> info, String kind, String asked)
            throws CommandException {
        try {
            return EngineChoice.choose(kind, asked, session.nativePolicy().refused(), session.nativePolicy().library(),
                    vm(info));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private static EngineChoice.TargetVm vm(Map<String, String> info) {
        String version = info.getOrDefault("java_version", "17");
        int feature;
        try {
            feature = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            feature = 0;
        }
        return new EngineChoice.TargetVm(info.getOrDefault("vm", ""), feature);
    }
}
