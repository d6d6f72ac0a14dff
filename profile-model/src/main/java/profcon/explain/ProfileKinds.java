package profcon.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

/**
 * Sorts profiles into the kinds the rules read: splits explain's composite profile (samples
 * labelled {@code profile=cpu|lock|block|pause}) into one profile per kind, each with that kind's
 * own sample types, and recognises a saved single-kind profile by its sample types and labels.
 *
 * <p>A sampled virtual-thread wait is one sample in both the lock and the block part (one census
 * serves both): it names each part in its {@code profile} label and carries both parts' labels,
 * and each part keeps only its own.
 */
public final class ProfileKinds {
    /** The label explain's composite profile names each sample's kind with (the agent's ExplainRecipe.PART). */
    public static final String PART = "profile";
    public static final List<String> KINDS = List.of("cpu", "lock", "block", "pause");
    /** The comment the agent's virtual-wait sampler writes (its VirtualWaitSampler.COMMENT): kept in lock and block. */
    public static final String SAMPLED_COMMENT = "profcon virtual threads: ";
    /** The labels only one part's samples carry: a sample in both parts sheds the other part's. */
    private static final Map<String, Set<String>> OWN_LABELS = Map.of("lock", Set.of("lockclass", "owner", "state"),
            "block", Set.of("kind", "blocker"));

    private ProfileKinds() {
    }

    /** Whether a profile is explain's composite. */
    public static boolean isComposite(Profile p) {
        return !p.samples().isEmpty() ? p.samples().stream().anyMatch(s -> s.label(PART) != null)
                : p.comments().stream().anyMatch(c -> c.startsWith("profcon explain profile"));
    }

    /** Every kind of the composite, empty ones included: the window recorded them all. */
    public static Map<String, Profile> split(Profile composite) {
        Map<String, List<Sample>> by = new HashMap<>();
        KINDS.forEach(k -> by.put(k, new ArrayList<>()));
        for (Sample s : composite.samples()) {
            List<String> parts = s.labels().getOrDefault(PART, List.of());
            for (String part : parts) {
                List<Sample> into = by.get(part);
                if (into != null) {
                    into.add(new Sample(s.locations(), s.values(), labelsFor(part, parts, s), s.numLabels(),
                            s.numUnits()));
                }
            }
        }
        Map<String, Profile> out = new HashMap<>();
        by.forEach((kind, samples) -> out.put(kind, typed(composite, kind, samples)));
        return out;
    }

    /** The sample's labels as {@code kind}'s profile has them: no part label, none of the other parts' own. */
    private static Map<String, List<String>> labelsFor(String kind, List<String> parts, Sample s) {
        Map<String, List<String>> labels = new HashMap<>(s.labels());
        labels.remove(PART);
        for (String other : parts) {
            if (!other.equals(kind)) {
                labels.keySet().removeAll(OWN_LABELS.getOrDefault(other, Set.of()));
            }
        }
        return labels;
    }

    private static Profile typed(Profile c, String kind, List<Sample> samples) {
        List<ValueType> types = switch (kind) {
            case "cpu" -> List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"));
            case "pause" -> List.of(new ValueType("pauses", "count"), new ValueType("pause", "nanoseconds"));
            default -> List.of(new ValueType("contentions", "count"), new ValueType("delay", "nanoseconds"));
        };
        String defaultType = types.get(1).type();
        ValueType period = kind.equals("cpu") ? new ValueType("cpu", "nanoseconds") : new ValueType("contentions",
                "count");
        return new Profile(types, defaultType, samples, c.mappings(), c.locations(), c.functions(), c.dropFrames(),
                c.keepFrames(), c.timeNanos(), c.durationNanos(), period, kind.equals("cpu") ? c.period() : 1,
                comments(c, kind), c.docUrl());
    }

    /** The kind's own comment, and for lock and block how their virtual-thread part was sampled. */
    private static List<String> comments(Profile c, String kind) {
        List<String> comments = new ArrayList<>(List.of("profcon " + kind + " profile, from explain's window"));
        if (OWN_LABELS.containsKey(kind)) {
            c.comments().stream().filter(x -> x.startsWith(SAMPLED_COMMENT)).forEach(comments::add);
        }
        return comments;
    }

    /** The kind a saved single-kind profile is (cpu, lock, block), or null when it is none the rules read. */
    public static String kindOf(Profile p) {
        if (p.sampleTypes().size() != 2) {
            return null;
        }
        String type = p.sampleTypes().get(1).type();
        if (type.equals("cpu")) {
            return "cpu";
        }
        if (!type.equals("delay")) {
            return null;
        }
        boolean block = p.samples().stream().anyMatch(s -> s.label("kind") != null)
                || p.comments().stream().anyMatch(c -> c.contains("block profile"));
        return block ? "block" : "lock";
    }
}
