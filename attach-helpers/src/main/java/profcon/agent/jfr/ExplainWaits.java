package profcon.agent.jfr;

import java.util.List;
import profcon.agent.encoding.JfrStacks;
import profcon.agent.encoding.StackProfile;
import profcon.agent.vwait.VirtualWaitSampler;
import profcon.agent.vwait.VirtualWaiter;

/**
 * What explain's window makes of a sampled virtual thread: one sample holding the lock part's and
 * the block part's labels, with {@link ExplainRecipe#PART} once per part it belongs to, so one
 * census of the virtual threads serves both parts (the console's split gives each part its own labels).
 */
final class ExplainWaits implements VirtualWaitSampler.Classifier {
    private final WaitRecipe lock = new LockRecipe();
    private final WaitRecipe block = new BlockRecipe();

    @Override
    public String[] labels(VirtualWaiter waiter, List<StackProfile.Frame> trimmed) {
        String[] inLock = lock.labels(waiter, trimmed);
        String[] inBlock = block.labels(waiter, trimmed);
        if (inLock == null && inBlock == null) {
            return null;
        }
        String[] labels = new String[0];
        if (inLock != null) {
            labels = JfrStacks.concat(JfrStacks.concat(labels, ExplainRecipe.PART, lock.kind()), inLock);
        }
        if (inBlock != null) {
            labels = JfrStacks.concat(JfrStacks.concat(labels, ExplainRecipe.PART, block.kind()), inBlock);
        }
        return labels;
    }
}
