package profcon.agent.jfr;

import java.util.List;
import java.util.stream.Stream;
import profcon.agent.profile.ProfileKind;
import profcon.agent.wall.WallKind;

/** The profile kinds profcon can collect, by name; the JFR-fed ones also read .jfr files. */
public final class Recipes {
    private static final List<Recipe> JFR = List.of(new CpuRecipe(), new LockRecipe(), new BlockRecipe(),
            new AllocRecipe(), new TimingRecipe());
    /** The kinds no .jfr file can hold: collected in the target by their own sampler. */
    private static final List<ProfileKind> NOT_JFR = List.of(new WallKind());
    // Built from both lists, never by index: a recipe added to JFR is listed under 'profile' by itself.
    private static final List<ProfileKind> ALL = Stream.concat(JFR.stream(), NOT_JFR.stream()).toList();
    /**
     * The composite the {@code explain} command collects: served by name but listed nowhere, as its
     * profile mixes kinds that reports must not sum (the console splits it first).
     */
    private static final Recipe EXPLAIN = new ExplainRecipe();

    private Recipes() {
    }

    public static List<ProfileKind> all() {
        return ALL;
    }

    /** The kinds made from JFR events: those a .jfr file can hold. */
    public static List<Recipe> jfr() {
        return JFR;
    }

    /** The kind named {@code kind}; IllegalArgumentException listing the kinds when there is none. */
    public static ProfileKind named(String kind) {
        for (ProfileKind r : ALL) {
            if (r.kind().equals(kind)) {
                return r;
            }
        }
        if (EXPLAIN.kind().equals(kind)) {
            return EXPLAIN;
        }
        throw new IllegalArgumentException("unknown profile kind '" + kind + "' (kinds: " + names() + ")");
    }

    /** The explain command's composite recipe, for reading a .jfr file the way a live window is read. */
    public static Recipe explain() {
        return EXPLAIN;
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(ProfileKind::kind).toList());
    }
}
