package profcon.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import profcon.agent.profile.ProfileKind;
import profcon.attach.TargetGoneException;
import profcon.console.CommandException;
import profcon.console.LoadedProfile;
import profcon.console.Session;
import profcon.console.command.ProfileCommand;

/**
 * Continuous mode: on the one attached target, collects back-to-back windows and hands each to
 * the {@link Delivery}, until Ctrl-C (or the runbook's cancellation) or the target exits. Each
 * period of {@code every} is shared by the kinds in turn (the agent runs one collection at a
 * time), so each kind is pushed once per period and covers {@code every / kinds} of it.
 */
public final class ContinuousPush {
    private final Session session;
    private final List<ProfileKind> kinds;
    private final Duration slice;
    private final Delivery delivery;

    public ContinuousPush(Session session, List<ProfileKind> kinds, Duration every, Delivery delivery) {
        this.session = session;
        this.kinds = List.copyOf(kinds);
        this.slice = every.dividedBy(kinds.size());
        this.delivery = delivery;
    }

    /** Runs until stopped or the target is gone, then sends what waits; returns why it ended. */
    public String run() throws Exception {
        String ending = loop();
        if (!delivery.drain()) {
            session.status(delivery.stats().lastError() + "; what waits stays in the spool, and the next run for this "
                    + "service sends it first");
        }
        return ending;
    }

    private String loop() throws Exception {
        while (true) {
            for (ProfileKind kind : kinds) {
                if (session.target() == null) {
                    return "the target exited"; // between windows, as a failed request found
                }
                long pid = session.target().pid();
                LoadedProfile before = session.current();
                boolean gone = collect(kind);
                LoadedProfile after = session.current();
                if (after != null && after != before) {
                    delivery.deliver(new Window(kind.kind(), pid, after.profile()));
                }
                if (gone) {
                    return "the target exited";
                }
                if (cancelled()) {
                    return "stopped";
                }
            }
        }
    }

    /** One window; true when the target went away during it (what it left is still the current profile). */
    private boolean collect(ProfileKind kind) throws Exception {
        try {
            ProfileCommand.profile(session, kind, slice, Map.of());
            return session.target() == null;
        } catch (CommandException | TargetGoneException e) {
            if (session.target() != null) {
                throw e; // a refusal from a live target is the command's failure, not an ending
            }
            return true;
        }
    }

    private boolean cancelled() {
        try {
            session.pause(0);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
