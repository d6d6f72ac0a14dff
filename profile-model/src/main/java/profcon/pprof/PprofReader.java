package profcon.pprof;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

import static profcon.pprof.PprofFields.*;

/**
 * Decodes pprof protobuf (gzipped or plain) into a {@link Profile}, resolving every id.
 *
 * <p>Works on protobuf-java's coded stream with the field numbers of profile.proto, the way
 * pprof's own Go decoder does, so no generated classes are needed. Every inconsistency is a
 * {@link ProfileFormatException} whose message names the file and the offending element.
 */
public final class PprofReader {
    private final String name;
    private final List<String> strings = new ArrayList<>();
    private final List<long[]> valueTypes = new ArrayList<>();
    private final RawSamples samples = new RawSamples();
    // Reused for every sample: RawSamples keeps a copy of each distinct stack and label set only.
    private final LongList sampleLocations = new LongList();
    private final LongList sampleValues = new LongList();
    private final LongList sampleLabels = new LongList();
    private final List<RawMapping> mappings = new ArrayList<>();
    private final List<RawLocation> locations = new ArrayList<>();
    private final List<long[]> functions = new ArrayList<>();
    private final LongList comments = new LongList();
    private long[] periodType;
    private long dropFrames, keepFrames, timeNanos, durationNanos, period, defaultSampleType, docUrl;

    private PprofReader(String name) {
        this.name = name;
    }

    /** Reads a profile file. */
    public static Profile read(Path file) throws IOException {
        return parse(ProfileBytes.read(file), file.toString());
    }

    /** Decodes {@code data} (gzipped or not); {@code name} is used in error messages. */
    public static Profile parse(byte[] data, String name) throws ProfileFormatException {
        PprofReader reader = decode(ProfileBytes.uncompress(data, name), name);
        return reader.resolve();
    }

    /** Decodes without resolving, so the bytes (hundreds of MB for a big profile) are garbage while the model is built. */
    private static PprofReader decode(byte[] raw, String name) throws ProfileFormatException {
        PprofReader reader = new PprofReader(name);
        try {
            reader.decodeProfile(CodedInputStream.newInstance(raw));
        } catch (ProfileFormatException e) {
            throw e;
        } catch (InvalidProtocolBufferException e) {
            throw new ProfileFormatException(name + ": not a pprof profile (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ProfileFormatException(name + ": not a pprof profile (" + e.getMessage() + ")");
        }
        return reader;
    }

    private void decodeProfile(CodedInputStream in) throws IOException {
        in.setSizeLimit(Integer.MAX_VALUE);
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case SAMPLE_TYPE -> valueTypes.add(message(in, tag, this::decodeValueType));
                case SAMPLE -> message(in, tag, this::decodeSample);
                case MAPPING -> mappings.add(message(in, tag, this::decodeMapping));
                case LOCATION -> locations.add(message(in, tag, this::decodeLocation));
                case FUNCTION -> functions.add(message(in, tag, this::decodeFunction));
                case STRING_TABLE -> {
                    expectWireType(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    strings.add(in.readStringRequireUtf8());
                }
                case DROP_FRAMES -> dropFrames = varint(in, tag);
                case KEEP_FRAMES -> keepFrames = varint(in, tag);
                case TIME_NANOS -> timeNanos = varint(in, tag);
                case DURATION_NANOS -> durationNanos = varint(in, tag);
                case PERIOD_TYPE -> periodType = message(in, tag, this::decodeValueType);
                case PERIOD -> period = varint(in, tag);
                case COMMENT -> repeatedVarint(in, tag, comments);
                case DEFAULT_SAMPLE_TYPE -> defaultSampleType = varint(in, tag);
                case DOC_URL -> docUrl = varint(in, tag);
                default -> in.skipField(tag);
            }
        }
    }

    private long[] decodeValueType(CodedInputStream in) throws IOException {
        long[] vt = new long[2];
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case VALUE_TYPE_TYPE -> vt[0] = varint(in, tag);
                case VALUE_TYPE_UNIT -> vt[1] = varint(in, tag);
                default -> in.skipField(tag);
            }
        }
        return vt;
    }

    private Void decodeSample(CodedInputStream in) throws IOException {
        sampleLocations.clear();
        sampleValues.clear();
        sampleLabels.clear();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case SAMPLE_LOCATION_ID -> repeatedVarint(in, tag, sampleLocations);
                case SAMPLE_VALUE -> repeatedVarint(in, tag, sampleValues);
                case SAMPLE_LABEL -> message(in, tag, this::decodeLabel);
                default -> in.skipField(tag);
            }
        }
        samples.add(sampleLocations, sampleValues, sampleLabels);
        return null;
    }

    /** Appends one label's (key, str, num, num_unit) to the sample's labels: no array per label and sample. */
    private Void decodeLabel(CodedInputStream in) throws IOException {
        int at = sampleLabels.size();
        for (int i = 0; i < 4; i++) {
            sampleLabels.add(0);
        }
        for (int tag; (tag = in.readTag()) != 0; ) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= LABEL_KEY && field <= LABEL_NUM_UNIT) {
                sampleLabels.set(at + field - 1, varint(in, tag));
            } else {
                in.skipField(tag);
            }
        }
        return null;
    }

    private RawMapping decodeMapping(CodedInputStream in) throws IOException {
        RawMapping m = new RawMapping();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case MAPPING_ID -> m.id = varint(in, tag);
                case MAPPING_START -> m.start = varint(in, tag);
                case MAPPING_LIMIT -> m.limit = varint(in, tag);
                case MAPPING_OFFSET -> m.offset = varint(in, tag);
                case MAPPING_FILENAME -> m.file = varint(in, tag);
                case MAPPING_BUILD_ID -> m.buildId = varint(in, tag);
                case MAPPING_HAS_FUNCTIONS -> m.hasFunctions = varint(in, tag) != 0;
                case MAPPING_HAS_FILENAMES -> m.hasFilenames = varint(in, tag) != 0;
                case MAPPING_HAS_LINE_NUMBERS -> m.hasLineNumbers = varint(in, tag) != 0;
                case MAPPING_HAS_INLINE_FRAMES -> m.hasInlineFrames = varint(in, tag) != 0;
                default -> in.skipField(tag);
            }
        }
        return m;
    }

    private RawLocation decodeLocation(CodedInputStream in) throws IOException {
        RawLocation l = new RawLocation();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case LOCATION_ID -> l.id = varint(in, tag);
                case LOCATION_MAPPING_ID -> l.mappingId = varint(in, tag);
                case LOCATION_ADDRESS -> l.address = varint(in, tag);
                case LOCATION_LINE -> l.lines.add(message(in, tag, this::decodeLine));
                case LOCATION_IS_FOLDED -> l.folded = varint(in, tag) != 0;
                default -> in.skipField(tag);
            }
        }
        return l;
    }

    private long[] decodeLine(CodedInputStream in) throws IOException {
        long[] line = new long[3];
        for (int tag; (tag = in.readTag()) != 0; ) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= LINE_FUNCTION_ID && field <= LINE_COLUMN) {
                line[field - 1] = varint(in, tag);
            } else {
                in.skipField(tag);
            }
        }
        return line;
    }

    private long[] decodeFunction(CodedInputStream in) throws IOException {
        long[] f = new long[5];
        for (int tag; (tag = in.readTag()) != 0; ) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= FUNCTION_ID && field <= FUNCTION_START_LINE) {
                f[field - 1] = varint(in, tag);
            } else {
                in.skipField(tag);
            }
        }
        return f;
    }

    // --- resolution of ids and string indices ---

    private Profile resolve() throws ProfileFormatException {
        if (!strings.isEmpty() && !strings.get(0).isEmpty()) {
            throw error("string_table[0] must be \"\"");
        }
        List<ValueType> types = new ArrayList<>();
        for (long[] vt : valueTypes) {
            types.add(new ValueType(string(vt[0]), string(vt[1])));
        }
        Map<Long, Mapping> mappingById = resolveMappings();
        Map<Long, Function> functionById = resolveFunctions();
        Map<Long, Location> locationById = resolveLocations(mappingById, functionById);
        List<Sample> resolved = resolveSamples(types.size(), locationById);
        List<String> commentStrings = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            commentStrings.add(string(comments.get(i)));
        }
        ValueType pt = periodType == null ? null : new ValueType(string(periodType[0]), string(periodType[1]));
        return new Profile(types, string(defaultSampleType), resolved, new ArrayList<>(mappingById.values()),
                new ArrayList<>(locationById.values()), new ArrayList<>(functionById.values()),
                string(dropFrames), string(keepFrames), timeNanos, durationNanos, pt, period, commentStrings,
                string(docUrl));
    }

    private Map<Long, Mapping> resolveMappings() throws ProfileFormatException {
        Map<Long, Mapping> byId = new LinkedHashMap<>();
        for (RawMapping m : mappings) {
            if (m.id == 0) {
                throw error("mapping has id 0");
            }
            Mapping mapping = new Mapping(m.id, m.start, m.limit, m.offset, string(m.file), string(m.buildId),
                    m.hasFunctions, m.hasFilenames, m.hasLineNumbers, m.hasInlineFrames);
            if (byId.put(m.id, mapping) != null) {
                throw error("two mappings have id " + m.id);
            }
        }
        return byId;
    }

    private Map<Long, Function> resolveFunctions() throws ProfileFormatException {
        Map<Long, Function> byId = new LinkedHashMap<>();
        for (long[] f : functions) {
            if (f[0] == 0) {
                throw error("function has id 0");
            }
            Function function = new Function(f[0], string(f[1]), string(f[2]), string(f[3]), f[4]);
            if (byId.put(f[0], function) != null) {
                throw error("two functions have id " + f[0]);
            }
        }
        return byId;
    }

    private Map<Long, Location> resolveLocations(Map<Long, Mapping> mappingById, Map<Long, Function> functionById)
            throws ProfileFormatException {
        Map<Long, Location> byId = new LinkedHashMap<>();
        for (RawLocation l : locations) {
            if (l.id == 0) {
                throw error("location has id 0");
            }
            List<Line> lines = new ArrayList<>(l.lines.size());
            for (long[] line : l.lines) {
                Function f = functionById.get(line[0]);
                if (f == null) {
                    throw error("location " + l.id + " refers to unknown function id " + line[0]);
                }
                lines.add(new Line(f, line[1], line[2]));
            }
            Mapping mapping = l.mappingId == 0 ? null : mappingById.get(l.mappingId);
            if (l.mappingId != 0 && mapping == null) {
                throw error("location " + l.id + " refers to unknown mapping id " + l.mappingId);
            }
            if (byId.put(l.id, new Location(l.id, mapping, l.address, lines, l.folded)) != null) {
                throw error("two locations have id " + l.id);
            }
        }
        return byId;
    }

    private List<Sample> resolveSamples(int typeCount, Map<Long, Location> locationById)
            throws ProfileFormatException {
        List<Sample> resolved = new ArrayList<>(samples.size());
        // Samples with the same stack (or labels) share one list (or map): profiles repeat a few
        // thousand stacks over a million samples, and consumers can then work per distinct stack.
        List<List<Location>> stacks = new ArrayList<>(Collections.nCopies(samples.stackCount(), null));
        List<Sample> labelled = new ArrayList<>(Collections.nCopies(samples.labelSetCount(), null));
        int valuesAt = 0;
        for (int i = 0; i < samples.size(); i++) {
            int count = samples.valueCount(i);
            if (count != typeCount) {
                throw error("sample " + i + " has " + count + " values, expected " + typeCount);
            }
            List<Location> stack = stacks.get(samples.stackOf(i));
            if (stack == null) {
                stack = resolveStack(i, samples.stack(samples.stackOf(i)), locationById);
                stacks.set(samples.stackOf(i), stack);
            }
            resolved.add(withLabels(samples.labelsOf(i), stack, samples.values(valuesAt, count), labelled));
            valuesAt += count;
        }
        return resolved;
    }

    private List<Location> resolveStack(int i, LongList ids, Map<Long, Location> locationById)
            throws ProfileFormatException {
        List<Location> stack = new ArrayList<>(ids.size());
        for (int j = 0; j < ids.size(); j++) {
            Location location = locationById.get(ids.get(j));
            if (location == null) {
                throw error("sample " + i + " refers to unknown location id " + ids.get(j));
            }
            stack.add(location);
        }
        return List.copyOf(stack);
    }

    private Sample withLabels(int labelSet, List<Location> stack, long[] values, List<Sample> labelled)
            throws ProfileFormatException {
        if (labelSet == RawSamples.NONE) {
            return new Sample(stack, values);
        }
        Sample first = labelled.get(labelSet);
        if (first == null) {
            first = resolveLabels(samples.labelSet(labelSet), new Sample(stack, values));
            labelled.set(labelSet, first);
            return first;
        }
        return new Sample(stack, values, first.labels(), first.numLabels(), first.numUnits());
    }

    /** Labels as pprof's postDecode builds them: string labels, then numbers with units padded to match. */
    private Sample resolveLabels(LongList raw, Sample sample) throws ProfileFormatException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, List<Long>> numLabels = new LinkedHashMap<>();
        Map<String, List<String>> numUnits = new LinkedHashMap<>();
        for (int at = 0; at < raw.size(); at += 4) {
            String key = string(raw.get(at));
            long str = raw.get(at + 1), num = raw.get(at + 2), unit = raw.get(at + 3);
            if (str != 0) {
                labels.computeIfAbsent(key, k -> new ArrayList<>()).add(string(str));
            } else if (num != 0 || unit != 0) {
                List<Long> numbers = numLabels.computeIfAbsent(key, k -> new ArrayList<>());
                if (unit != 0) {
                    List<String> units = numUnits.computeIfAbsent(key, k -> new ArrayList<>());
                    while (units.size() < numbers.size()) {
                        units.add("");
                    }
                    units.add(string(unit));
                }
                numbers.add(num);
            }
        }
        for (Map.Entry<String, List<String>> units : numUnits.entrySet()) {
            while (units.getValue().size() < numLabels.get(units.getKey()).size()) {
                units.getValue().add("");
            }
        }
        return new Sample(sample.locations(), sample.values(), Collections.unmodifiableMap(labels),
                Collections.unmodifiableMap(numLabels), Collections.unmodifiableMap(numUnits));
    }

    private String string(long index) throws ProfileFormatException {
        if (index == 0 && strings.isEmpty()) {
            return "";
        }
        if (index < 0 || index >= strings.size()) {
            throw error("string index " + index + " is outside the string table of " + strings.size());
        }
        return strings.get((int) index);
    }

    private ProfileFormatException error(String what) {
        return new ProfileFormatException(name + ": " + what);
    }

    // --- wire helpers ---

    private interface Decoder<T> {
        T decode(CodedInputStream in) throws IOException;
    }

    private <T> T message(CodedInputStream in, int tag, Decoder<T> decoder) throws IOException {
        expectWireType(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new ProfileFormatException(name + ": negative message length");
        }
        int old = in.pushLimit(length);
        T value = decoder.decode(in);
        in.popLimit(old);
        return value;
    }

    private long varint(CodedInputStream in, int tag) throws IOException {
        expectWireType(tag, WireFormat.WIRETYPE_VARINT);
        return in.readRawVarint64();
    }

    /** A repeated integer field, packed or not (both encodings are legal and both occur). */
    private void repeatedVarint(CodedInputStream in, int tag, LongList into) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            int old = in.pushLimit(length);
            while (in.getBytesUntilLimit() > 0) {
                into.add(in.readRawVarint64());
            }
            in.popLimit(old);
        } else {
            into.add(varint(in, tag));
        }
    }

    private void expectWireType(int tag, int wireType) throws ProfileFormatException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new ProfileFormatException(name + ": not a pprof profile (field "
                    + WireFormat.getTagFieldNumber(tag) + " has wire type " + WireFormat.getTagWireType(tag)
                    + ", expected " + wireType + ")");
        }
    }

    private static final class RawMapping {
        long id, start, limit, offset, file, buildId;
        boolean hasFunctions, hasFilenames, hasLineNumbers, hasInlineFrames;
    }

    private static final class RawLocation {
        long id, mappingId, address;
        boolean folded;
        final List<long[]> lines = new ArrayList<>(1);
    }

}
