package profcon.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLabelsTest {
    @TempDir
    Path tmp;

    @Test
    void nestedSpansMergeInnerWinsAndRestore() {
        AtomicReference<Map<String, String>> inner = new AtomicReference<>();
        ProfileLabels.run(Map.of("endpoint", "/a", "tenant", "t1"), () ->
                ProfileLabels.run(Map.of("endpoint", "/b"), () -> inner.set(ProfileLabels.current())));
        assertThat(inner.get()).containsExactly(Map.entry("endpoint", "/b"), Map.entry("tenant", "t1"));
        assertThat(ProfileLabels.current()).isEmpty();
    }

    @Test
    void labelsAreRestoredWhenWorkThrows() throws Exception {
        ProfileLabels.run(Map.of("outer", "1"), () -> {
            assertThatThrownBy(() -> ProfileLabels.run(Map.of("inner", "2"), () -> {
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(ProfileLabels.current()).containsExactly(Map.entry("outer", "1"));
        });
        assertThatThrownBy(() -> ProfileLabels.call(Map.of("k", "v"), () -> {
            throw new java.io.IOException("io");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(ProfileLabels.current()).isEmpty();
    }

    @Test
    void callReturnsTheResult() throws Exception {
        assertThat(ProfileLabels.call(Map.of("k", "v"), () -> ProfileLabels.current().get("k"))).isEqualTo("v");
    }

    @Test
    void wrapCapturesLabelsAtWrapTimeAndCarriesThemToAnotherThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Map<String, String>> seen = new AtomicReference<>();
            Runnable task = ProfileLabels.call(Map.of("endpoint", "/checkout"),
                    () -> ProfileLabels.wrap(() -> seen.set(ProfileLabels.current())));
            // Submitted after the span ended: the labels are the ones captured when wrapped.
            pool.submit(task).get();
            assertThat(seen.get()).containsExactly(Map.entry("endpoint", "/checkout"));
            assertThat(pool.submit(ProfileLabels::current).get()).as("the pool thread is restored").isEmpty();
            assertThat(pool.submit(ProfileLabels.wrap(ProfileLabels::current)).get()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badLabelsAreRejected() {
        assertThatThrownBy(() -> ProfileLabels.run(Map.of("", "v"), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodingEscapesTheSeparators() {
        LabelSet set = LabelSet.EMPTY.with(Map.of("a=b", "x;y%z", "k", "v"));
        assertThat(set.encoded()).isEqualTo("a%3Db=x%3By%25z;k=v");
    }

    @Test
    void spansAreRecordedAsJfrEventsWhenEnabled() throws Exception {
        Path file = tmp.resolve("labels.jfr");
        try (Recording r = new Recording()) {
            r.enable("profcon.LabelsBegin");
            r.enable("profcon.LabelsEnd");
            r.start();
            ProfileLabels.run(Map.of("endpoint", "/a;b"), () -> ProfileLabels.run(Map.of("n", "1"), () -> { }));
            r.stop();
            r.dump(file);
        }
        List<String> seen = RecordingFile.readAllEvents(file).stream()
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .map(e -> e.getEventType().getName().substring("profcon.Labels".length()) + " " + e.getString("labels"))
                .toList();
        assertThat(seen).containsExactly("Begin endpoint=/a%3Bb", "Begin endpoint=/a%3Bb;n=1",
                "End endpoint=/a%3Bb", "End ");
    }
}
