package profcon.push;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.profiles.v1development.KeyValueAndUnit;
import io.opentelemetry.proto.profiles.v1development.Line;
import io.opentelemetry.proto.profiles.v1development.Location;
import io.opentelemetry.proto.profiles.v1development.Mapping;
import io.opentelemetry.proto.profiles.v1development.ProfilesDictionary;
import io.opentelemetry.proto.profiles.v1development.Stack;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import profcon.model.Function;

/**
 * The shared tables of an OTLP profiles request (strings, functions, locations, stacks,
 * attributes), each entry added once and referred to by index. Every table starts with its zero
 * value at index 0, as the schema asks, so that an unset index means "none".
 */
final class OtlpDictionary {
    private final ProfilesDictionary.Builder tables = ProfilesDictionary.newBuilder();
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Function, Integer> functions = new HashMap<>();
    // By identity: a profile's samples share its location objects, and hashing a location's lines per frame is slow.
    private final Map<profcon.model.Location, Integer> locations = new IdentityHashMap<>();
    private final Map<List<Integer>, Integer> stacks = new HashMap<>();
    private final Map<KeyValueAndUnit, Integer> attributes = new HashMap<>();
    private final Map<profcon.model.Mapping, Integer> mappings = new IdentityHashMap<>();

    OtlpDictionary() {
        string("");
        tables.addMappingTable(Mapping.getDefaultInstance());
        tables.addLocationTable(Location.getDefaultInstance());
        tables.addFunctionTable(io.opentelemetry.proto.profiles.v1development.Function.getDefaultInstance());
        tables.addStackTable(Stack.getDefaultInstance());
        tables.addAttributeTable(KeyValueAndUnit.getDefaultInstance());
        tables.addLinkTable(io.opentelemetry.proto.profiles.v1development.Link.getDefaultInstance());
    }

    int string(String s) {
        return strings.computeIfAbsent(s, k -> {
            tables.addStringTable(k);
            return tables.getStringTableCount() - 1;
        });
    }

    /** The stack of {@code frames} (leaf first, as in pprof and OTLP alike). */
    int stack(List<profcon.model.Location> frames) {
        List<Integer> indices = frames.stream().map(this::location).toList();
        return stacks.computeIfAbsent(indices, k -> {
            tables.addStackTable(Stack.newBuilder().addAllLocationIndices(k));
            return tables.getStackTableCount() - 1;
        });
    }

    int stringAttribute(String key, String value) {
        return attribute(KeyValueAndUnit.newBuilder().setKeyStrindex(string(key))
                .setValue(AnyValue.newBuilder().setStringValue(value)).build());
    }

    int numberAttribute(String key, long value, String unit) {
        return attribute(KeyValueAndUnit.newBuilder().setKeyStrindex(string(key))
                .setValue(AnyValue.newBuilder().setIntValue(value)).setUnitStrindex(unit.isEmpty() ? 0 : string(unit))
                .build());
    }

    ProfilesDictionary build() {
        return tables.build();
    }

    private int attribute(KeyValueAndUnit kv) {
        return attributes.computeIfAbsent(kv, k -> {
            tables.addAttributeTable(k);
            return tables.getAttributeTableCount() - 1;
        });
    }

    private int location(profcon.model.Location loc) {
        Integer known = locations.get(loc);
        if (known != null) {
            return known;
        }
        Location.Builder b = Location.newBuilder().setAddress(loc.address()).setMappingIndex(mapping(loc.mapping()));
        for (profcon.model.Line line : loc.lines()) {
            b.addLines(Line.newBuilder().setFunctionIndex(function(line.function())).setLine(line.line())
                    .setColumn(line.column()));
        }
        tables.addLocationTable(b);
        locations.put(loc, tables.getLocationTableCount() - 1);
        return tables.getLocationTableCount() - 1;
    }

    private int function(Function f) {
        if (f == null) {
            return 0;
        }
        return functions.computeIfAbsent(f, k -> {
            tables.addFunctionTable(io.opentelemetry.proto.profiles.v1development.Function.newBuilder()
                    .setNameStrindex(string(k.name())).setSystemNameStrindex(string(k.systemName()))
                    .setFilenameStrindex(string(k.filename())).setStartLine(k.startLine()));
            return tables.getFunctionTableCount() - 1;
        });
    }

    private int mapping(profcon.model.Mapping m) {
        if (m == null) {
            return 0;
        }
        return mappings.computeIfAbsent(m, k -> {
            tables.addMappingTable(Mapping.newBuilder().setMemoryStart(k.start()).setMemoryLimit(k.limit())
                    .setFileOffset(k.offset()).setFilenameStrindex(string(k.file())));
            return tables.getMappingTableCount() - 1;
        });
    }
}
