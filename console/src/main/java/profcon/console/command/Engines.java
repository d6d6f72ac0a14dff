package profcon.console.command;

import profcon.attach.AttachedJvm;
import profcon.console.CommandException;
import profcon.console.Session;
import profcon.engine.EngineChoice;

/** The engine choice for the session's target, from its VM as read at attach: shared by profile and info. */
final class Engines {
    private Engines() {
    }

    /** The engine for {@code kind}; {@code asked} is the engine= option or null; a bad or impossible one is a CommandException. */
    static EngineChoice choose(Session session, String kind, String asked) throws CommandException {
        AttachedJvm.Vm vm = session.requireTarget("profile").jvm().vm();
        try {
            return EngineChoice.choose(kind, asked, session.nativePolicy().refused(), session.nativePolicy().library(),
                    new EngineChoice.TargetVm(vm.name(), vm.feature()));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
