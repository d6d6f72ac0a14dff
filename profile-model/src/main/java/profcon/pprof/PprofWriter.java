package profcon.pprof;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;

import static profcon.pprof.PprofFields.*;

/** Encodes a {@link Profile} as pprof protobuf, gzipped as {@code go tool pprof} expects of a .pb.gz. */
public final class PprofWriter {
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final List<String> strings = new java.util.ArrayList<>();

    private PprofWriter() {
        index("");
    }

    /** Writes {@code profile} gzipped to {@code file}, atomically: a failed write leaves no partial file. */
    public static void write(Profile profile, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".profcon-", ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                out.write(encode(profile));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The gzipped encoding of {@code profile}. */
    public static byte[] gzip(Profile profile) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(encode(profile));
        }
        return bytes.toByteArray();
    }

    /** The plain (not gzipped) protobuf encoding of {@code profile}. */
    public static byte[] encode(Profile profile) {
        try {
            return new PprofWriter().encodeProfile(profile);
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory cannot fail", e);
        }
    }

    private byte[] encodeProfile(Profile p) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(body);
        for (ValueType vt : p.sampleTypes()) {
            writeMessage(out, SAMPLE_TYPE, valueType(vt));
        }
        for (Sample s : p.samples()) {
            writeMessage(out, SAMPLE, sample(s));
        }
        for (Mapping m : p.mappings()) {
            writeMessage(out, MAPPING, mapping(m));
        }
        for (Location l : p.locations()) {
            writeMessage(out, LOCATION, location(l));
        }
        for (Function f : p.functions()) {
            writeMessage(out, FUNCTION, function(f));
        }
        writeNonZero(out, DROP_FRAMES, index(p.dropFrames()));
        writeNonZero(out, KEEP_FRAMES, index(p.keepFrames()));
        writeNonZero(out, TIME_NANOS, p.timeNanos());
        writeNonZero(out, DURATION_NANOS, p.durationNanos());
        if (p.periodType() != null) {
            writeMessage(out, PERIOD_TYPE, valueType(p.periodType()));
        }
        writeNonZero(out, PERIOD, p.period());
        for (String comment : p.comments()) {
            out.writeInt64(COMMENT, index(comment));
        }
        writeNonZero(out, DEFAULT_SAMPLE_TYPE, index(p.defaultSampleType()));
        writeNonZero(out, DOC_URL, index(p.docUrl()));
        out.flush();
        // The string table is filled while encoding the rest, so it is written last; field order is free.
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + strings.size() * 16);
        CodedOutputStream head = CodedOutputStream.newInstance(whole);
        for (String s : strings) {
            head.writeString(STRING_TABLE, s);
        }
        head.flush();
        body.writeTo(whole);
        return whole.toByteArray();
    }

    private byte[] valueType(ValueType vt) throws IOException {
        return message(out -> {
            writeNonZero(out, VALUE_TYPE_TYPE, index(vt.type()));
            writeNonZero(out, VALUE_TYPE_UNIT, index(vt.unit()));
        });
    }

    private byte[] sample(Sample s) throws IOException {
        return message(out -> {
            long[] ids = new long[s.locations().size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.locations().get(i).id();
            }
            writePacked(out, SAMPLE_LOCATION_ID, ids);
            writePacked(out, SAMPLE_VALUE, s.values());
            for (Map.Entry<String, List<String>> e : s.labels().entrySet()) {
                for (String value : e.getValue()) {
                    writeMessage(out, SAMPLE_LABEL, label(index(e.getKey()), index(value), 0, 0));
                }
            }
            for (Map.Entry<String, List<Long>> e : s.numLabels().entrySet()) {
                List<String> units = s.numUnits().getOrDefault(e.getKey(), List.of());
                for (int i = 0; i < e.getValue().size(); i++) {
                    String unit = i < units.size() ? units.get(i) : "";
                    writeMessage(out, SAMPLE_LABEL, label(index(e.getKey()), 0, e.getValue().get(i), index(unit)));
                }
            }
        });
    }

    private byte[] label(long key, long str, long num, long unit) throws IOException {
        return message(out -> {
            writeNonZero(out, LABEL_KEY, key);
            writeNonZero(out, LABEL_STR, str);
            writeNonZero(out, LABEL_NUM, num);
            writeNonZero(out, LABEL_NUM_UNIT, unit);
        });
    }

    private byte[] mapping(Mapping m) throws IOException {
        return message(out -> {
            writeNonZero(out, MAPPING_ID, m.id());
            writeNonZero(out, MAPPING_START, m.start());
            writeNonZero(out, MAPPING_LIMIT, m.limit());
            writeNonZero(out, MAPPING_OFFSET, m.offset());
            writeNonZero(out, MAPPING_FILENAME, index(m.file()));
            writeNonZero(out, MAPPING_BUILD_ID, index(m.buildId()));
            writeBool(out, MAPPING_HAS_FUNCTIONS, m.hasFunctions());
            writeBool(out, MAPPING_HAS_FILENAMES, m.hasFilenames());
            writeBool(out, MAPPING_HAS_LINE_NUMBERS, m.hasLineNumbers());
            writeBool(out, MAPPING_HAS_INLINE_FRAMES, m.hasInlineFrames());
        });
    }

    private byte[] location(Location l) throws IOException {
        return message(out -> {
            writeNonZero(out, LOCATION_ID, l.id());
            writeNonZero(out, LOCATION_MAPPING_ID, l.mapping() == null ? 0 : l.mapping().id());
            writeNonZero(out, LOCATION_ADDRESS, l.address());
            for (Line line : l.lines()) {
                writeMessage(out, LOCATION_LINE, message(lo -> {
                    writeNonZero(lo, LINE_FUNCTION_ID, line.function().id());
                    writeNonZero(lo, LINE_LINE, line.line());
                    writeNonZero(lo, LINE_COLUMN, line.column());
                }));
            }
            writeBool(out, LOCATION_IS_FOLDED, l.isFolded());
        });
    }

    private byte[] function(Function f) throws IOException {
        return message(out -> {
            writeNonZero(out, FUNCTION_ID, f.id());
            writeNonZero(out, FUNCTION_NAME, index(f.name()));
            writeNonZero(out, FUNCTION_SYSTEM_NAME, index(f.systemName()));
            writeNonZero(out, FUNCTION_FILENAME, index(f.filename()));
            writeNonZero(out, FUNCTION_START_LINE, f.startLine());
        });
    }

    private int index(String s) {
        return stringIndex.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes, 256);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeMessage(CodedOutputStream out, int field, byte[] message) throws IOException {
        out.writeByteArray(field, message);
    }

    private static void writeNonZero(CodedOutputStream out, int field, long value) throws IOException {
        if (value != 0) {
            out.writeInt64(field, value);
        }
    }

    private static void writeBool(CodedOutputStream out, int field, boolean value) throws IOException {
        if (value) {
            out.writeBool(field, true);
        }
    }

    private static void writePacked(CodedOutputStream out, int field, long[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        int size = 0;
        for (long v : values) {
            size += CodedOutputStream.computeInt64SizeNoTag(v);
        }
        out.writeTag(field, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(size);
        for (long v : values) {
            out.writeInt64NoTag(v);
        }
    }
}
