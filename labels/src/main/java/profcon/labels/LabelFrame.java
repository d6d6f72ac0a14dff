package profcon.labels;

import java.util.concurrent.Callable;

/**
 * The frame labelled work runs in on a virtual thread: an instance of a hidden class named after
 * its labels ({@link LabelFrames}), so a sampler that sees only stacks still knows the labels.
 */
interface LabelFrame {
    void run(Runnable work);

    Object call(Callable<?> work) throws Exception;
}
