package profcon.model;

import java.util.List;

/**
 * A profile as profile.proto describes it, with every id resolved to the object it names.
 *
 * <p>Immutable: operations return new profiles. The string table is an encoding detail of the
 * codec and never appears here.
 */
public record Profile(List<ValueType> sampleTypes, String defaultSampleType, List<Sample> samples,
                      List<Mapping> mappings, List<Location> locations, List<Function> functions,
                      String dropFrames, String keepFrames, long timeNanos, long durationNanos,
                      ValueType periodType, long period, List<String> comments, String docUrl) {
    public Profile {
        sampleTypes = List.copyOf(sampleTypes);
        defaultSampleType = defaultSampleType == null ? "" : defaultSampleType;
        samples = List.copyOf(samples);
        mappings = List.copyOf(mappings);
        locations = List.copyOf(locations);
        functions = List.copyOf(functions);
        dropFrames = dropFrames == null ? "" : dropFrames;
        keepFrames = keepFrames == null ? "" : keepFrames;
        comments = List.copyOf(comments);
        docUrl = docUrl == null ? "" : docUrl;
    }

    /** The same profile with other samples (locations and functions are kept as they are). */
    public Profile withSamples(List<Sample> newSamples) {
        return new Profile(sampleTypes, defaultSampleType, newSamples, mappings, locations, functions,
                dropFrames, keepFrames, timeNanos, durationNanos, periodType, period, comments, docUrl);
    }

    /** The same profile with other comments. */
    public Profile withComments(List<String> newComments) {
        return new Profile(sampleTypes, defaultSampleType, samples, mappings, locations, functions,
                dropFrames, keepFrames, timeNanos, durationNanos, periodType, period, newComments, docUrl);
    }

    /** Index of the sample type named {@code type}, or -1. */
    public int sampleTypeIndex(String type) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** Sum of one value over all samples. */
    public long total(int valueIndex) {
        long total = 0;
        for (Sample s : samples) {
            total += s.values()[valueIndex];
        }
        return total;
    }
}
