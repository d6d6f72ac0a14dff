package profcon.agent.vwait;

import java.util.List;
import profcon.agent.encoding.StackProfile;

/**
 * One virtual thread found waiting in a thread dump: its id, name, state, what it waits on (the
 * class of its park blocker, of the monitor it is blocked on, or of the one it waits on; null when
 * the dump names none) and its stack, leaf first.
 */
public record VirtualWaiter(long id, String name, Thread.State state, String parkBlocker, String blockedOn,
        String waitingOn, List<StackProfile.Frame> frames) {

    /** True when the stack holds a frame of {@code className}.{@code methodName}. */
    public boolean calls(String className, String methodName) {
        for (StackProfile.Frame f : frames) {
            if (f.className().equals(className) && f.methodName().equals(methodName)) {
                return true;
            }
        }
        return false;
    }

    /** True when a frame's class starts with {@code prefix}. */
    public boolean inPackage(String prefix) {
        for (StackProfile.Frame f : frames) {
            if (f.className().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
