package profcon.agent.jfr;

import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import profcon.agent.encoding.StackProfile;
import profcon.agent.profile.Collector;
import profcon.agent.profile.ProfileKind;
import profcon.agent.profile.SamplingOptions;

/**
 * How one profile kind is made from JFR events: which events to enable, with which settings,
 * and how each event becomes a sample. The same recipe serves a live recording in the target
 * and a .jfr file read by the console, so both give the same profile.
 */
public interface Recipe extends ProfileKind {
    /** An event to enable, with its period or threshold (null when the event has none). */
    record EventSetting(String name, java.time.Duration period, java.time.Duration threshold, boolean stackTrace) {
    }

    /** The events this kind needs, and nothing else. */
    List<EventSetting> events(SamplingOptions options);

    /** Settings of {@code event} beyond period, threshold and stack (the timing kind's method {@code filter}). */
    default java.util.Map<String, String> moreSettings(String event, SamplingOptions options) {
        return java.util.Map.of();
    }

    /** Adds one event to the profile; events of other types are ignored. */
    void accept(RecordedEvent event, StackProfile profile);

    @Override
    default Collector collector(SamplingOptions options) {
        return new Sampler(this, options);
    }
}
