package profcon.push;

import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.profiles.v1development.ResourceProfiles;
import io.opentelemetry.proto.profiles.v1development.Sample;
import io.opentelemetry.proto.profiles.v1development.ScopeProfiles;
import io.opentelemetry.proto.profiles.v1development.ValueType;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;
import java.util.Map;
import profcon.console.Main;
import profcon.model.Profile;

/**
 * Turns a profile into an OTLP {@code ExportProfilesServiceRequest}, with the official schema
 * classes. OTLP gives each profile one sample type, so a pprof profile with several (cpu's
 * samples and nanoseconds, lock's contentions and delay) becomes one OTLP profile per type,
 * sharing one dictionary. Labels become sample attributes; time, duration and period carry over.
 */
public final class OtlpProfiles {
    private OtlpProfiles() {
    }

    /** The request for {@code profile}; {@code identity} (may be null: a saved file's origin is unknown) names the resource. */
    public static ExportProfilesServiceRequest request(Profile profile, PushIdentity identity) {
        OtlpDictionary dict = new OtlpDictionary();
        ScopeProfiles.Builder scope = ScopeProfiles.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("profcon").setVersion(Main.VERSION));
        for (int type = 0; type < profile.sampleTypes().size(); type++) {
            scope.addProfiles(profile(profile, type, dict));
        }
        ResourceProfiles.Builder resource = ResourceProfiles.newBuilder().addScopeProfiles(scope);
        if (identity != null) {
            resource.setResource(resource(identity));
        }
        return ExportProfilesServiceRequest.newBuilder().addResourceProfiles(resource).setDictionary(dict.build()).build();
    }

    private static io.opentelemetry.proto.profiles.v1development.Profile profile(Profile p, int type, OtlpDictionary dict) {
        var out = io.opentelemetry.proto.profiles.v1development.Profile.newBuilder()
                .setSampleType(valueType(p.sampleTypes().get(type), dict))
                .setTimeUnixNano(p.timeNanos()).setDurationNano(p.durationNanos()).setPeriod(p.period());
        if (p.periodType() != null) {
            out.setPeriodType(valueType(p.periodType(), dict));
        }
        for (profcon.model.Sample s : p.samples()) {
            out.addSamples(sample(s, type, dict));
        }
        return out.build();
    }

    private static Sample sample(profcon.model.Sample s, int type, OtlpDictionary dict) {
        Sample.Builder b = Sample.newBuilder().setStackIndex(dict.stack(s.locations())).addValues(s.values()[type]);
        for (Map.Entry<String, List<String>> label : s.labels().entrySet()) {
            label.getValue().forEach(v -> b.addAttributeIndices(dict.stringAttribute(label.getKey(), v)));
        }
        for (Map.Entry<String, List<Long>> label : s.numLabels().entrySet()) {
            List<String> units = s.numUnits().getOrDefault(label.getKey(), List.of());
            List<Long> values = label.getValue();
            for (int i = 0; i < values.size(); i++) {
                b.addAttributeIndices(dict.numberAttribute(label.getKey(), values.get(i), i < units.size() ? units.get(i) : ""));
            }
        }
        return b.build();
    }

    private static ValueType valueType(profcon.model.ValueType t, OtlpDictionary dict) {
        return ValueType.newBuilder().setTypeStrindex(dict.string(t.type())).setUnitStrindex(dict.string(t.unit())).build();
    }

    /** OpenTelemetry's semantic-convention names for the service, the host and the process. */
    private static Resource resource(PushIdentity id) {
        return Resource.newBuilder().addAttributes(attribute("service.name", AnyValue.newBuilder().setStringValue(id.service())))
                .addAttributes(attribute("host.name", AnyValue.newBuilder().setStringValue(id.host())))
                .addAttributes(attribute("process.pid", AnyValue.newBuilder().setIntValue(id.pid()))).build();
    }

    private static KeyValue attribute(String key, AnyValue.Builder value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }
}
