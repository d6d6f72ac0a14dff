package profcon.explain;

import java.util.Set;

/**
 * One bug shape: the data it needs and a small function from that data to a verdict. A new shape is
 * one class implementing this, one entry in {@link Rules}, and one test.
 */
public interface Rule {
    /** The shape's id, as {@code expect finding=ID} and {@code --json} name it. */
    String id();

    /** The shape's name, as an on-call engineer would say it. */
    String name();

    /** The inputs without which the shape cannot be judged. */
    Set<Input> needs();

    /** Judges the evidence, which holds every input of {@link #needs}. */
    Verdict judge(Evidence e);
}
