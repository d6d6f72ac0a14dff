package profcon.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.profiles.v1development.KeyValueAndUnit;
import io.opentelemetry.proto.profiles.v1development.ProfilesDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;
import profcon.pprof.PprofReader;

/** The OTLP form, decoded with the official classes, carries the pprof form's stacks, values, labels and times. */
class OtlpProfilesTest {
    @Test
    void aRecordedCpuProfileRoundTripsStacksAndCounts(@TempDir Path dir) throws Exception {
        Profile pprof = PprofReader.read(Path.of(OtlpProfilesTest.class.getResource("/fixtures/demo-cpu.pb.gz").toURI()));
        Path file = dir.resolve("cpu.otlp");
        OtlpFile.write(pprof, new PushIdentity("Demo", "host1", 42, ""), file);
        ExportProfilesServiceRequest otlp = ExportProfilesServiceRequest.parseFrom(Files.readAllBytes(file));

        List<io.opentelemetry.proto.profiles.v1development.Profile> profiles =
                otlp.getResourceProfiles(0).getScopeProfiles(0).getProfilesList();
        assertThat(profiles).hasSize(pprof.sampleTypes().size());
        for (int t = 0; t < profiles.size(); t++) {
            assertThat(typeOf(otlp.getDictionary(), profiles.get(t))).isEqualTo(pprof.sampleTypes().get(t).toString());
            assertThat(stacks(otlp.getDictionary(), profiles.get(t))).isEqualTo(stacks(pprof, t)).isNotEmpty();
            assertThat(profiles.get(t).getTimeUnixNano()).isEqualTo(pprof.timeNanos());
            assertThat(profiles.get(t).getDurationNano()).isEqualTo(pprof.durationNanos());
            assertThat(profiles.get(t).getPeriod()).isEqualTo(pprof.period());
        }
        assertThat(otlp.getResourceProfiles(0).getResource().getAttributesList())
                .anySatisfy(kv -> assertThat(kv.getKey() + "=" + kv.getValue().getStringValue()).isEqualTo("service.name=Demo"))
                .anySatisfy(kv -> assertThat(kv.getKey() + "=" + kv.getValue().getIntValue()).isEqualTo("process.pid=42"));
    }

    @Test
    void labelsBecomeAttributesAndEveryTableStartsWithItsZeroValue() throws Exception {
        Function get = new Function(1, "app.Cache.get", "app.Cache.get", "Cache.java", 10);
        Location loc = new Location(1, null, 0, List.of(new Line(get, 12, 0)), false);
        Sample sample = new Sample(List.of(loc), new long[] {3, 4_000_000},
                Map.of("lockclass", List.of("ReentrantLock")), Map.of("bytes", List.of(64L)), Map.of("bytes", List.of("bytes")));
        Profile lock = new Profile(List.of(new ValueType("contentions", "count"), new ValueType("delay", "nanoseconds")),
                "", List.of(sample), List.of(), List.of(loc), List.of(get), "", "", 1_700_000_000_000_000_000L,
                5_000_000_000L, new ValueType("contentions", "count"), 1, List.of(), "");

        ExportProfilesServiceRequest otlp = ExportProfilesServiceRequest.parseFrom(
                OtlpProfiles.request(lock, null).toByteArray());
        ProfilesDictionary dict = otlp.getDictionary();
        var delay = otlp.getResourceProfiles(0).getScopeProfiles(0).getProfiles(1);
        List<String> attributes = new ArrayList<>();
        for (int i : delay.getSamples(0).getAttributeIndicesList()) {
            KeyValueAndUnit kv = dict.getAttributeTable(i);
            AnyValue v = kv.getValue();
            attributes.add(dict.getStringTable(kv.getKeyStrindex()) + "="
                    + (v.hasIntValue() ? v.getIntValue() + " " + dict.getStringTable(kv.getUnitStrindex()) : v.getStringValue()));
        }
        assertThat(attributes).containsExactlyInAnyOrder("lockclass=ReentrantLock", "bytes=64 bytes");
        assertThat(stacks(dict, delay)).isEqualTo(Map.of("app.Cache.get:12", 4_000_000L));
        assertThat(dict.getStringTable(0)).isEmpty();
        assertThat(List.of(dict.getLocationTable(0), dict.getFunctionTable(0), dict.getStackTable(0),
                dict.getMappingTable(0), dict.getAttributeTable(0)))
                .allSatisfy(zero -> assertThat(zero.getSerializedSize()).isZero());
    }

    private static String typeOf(ProfilesDictionary d, io.opentelemetry.proto.profiles.v1development.Profile p) {
        return d.getStringTable(p.getSampleType().getTypeStrindex()) + "/" + d.getStringTable(p.getSampleType().getUnitStrindex());
    }

    /** Value per stack (frames leaf first as function:line), summed, from the OTLP tables alone. */
    private static Map<String, Long> stacks(ProfilesDictionary d, io.opentelemetry.proto.profiles.v1development.Profile p) {
        Map<String, Long> out = new TreeMap<>();
        for (var s : p.getSamplesList()) {
            List<String> frames = new ArrayList<>();
            for (int li : d.getStackTable(s.getStackIndex()).getLocationIndicesList()) {
                for (var line : d.getLocationTable(li).getLinesList()) {
                    frames.add(d.getStringTable(d.getFunctionTable(line.getFunctionIndex()).getNameStrindex()) + ":" + line.getLine());
                }
            }
            out.merge(String.join(";", frames), s.getValues(0), Long::sum);
        }
        return out;
    }

    private static Map<String, Long> stacks(Profile p, int type) {
        Map<String, Long> out = new TreeMap<>();
        for (Sample s : p.samples()) {
            List<String> frames = new ArrayList<>();
            for (Location l : s.locations()) {
                l.lines().forEach(line -> frames.add(line.function().name() + ":" + line.line()));
            }
            out.merge(String.join(";", frames), s.values()[type], Long::sum);
        }
        return out;
    }
}
