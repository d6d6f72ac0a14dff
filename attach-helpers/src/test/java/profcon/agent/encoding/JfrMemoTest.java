package profcon.agent.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.jfr.BlockRecipe;

/** Events that share a stack share one memoised stack, and the profile counts every one of them. */
class JfrMemoTest {
    @Test
    void repeatedStacksAreReadOnceAndEveryEventIsCounted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parks.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
            r.start();
            Thread t = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    parkHere();
                }
                for (int i = 0; i < 50; i++) {
                    parkThere();
                }
            }, "memo-test-parker");
            t.start();
            t.join();
            r.stop();
            r.dump(file);
        }
        BlockRecipe recipe = new BlockRecipe();
        StackProfile profile = recipe.newProfile(recipe.defaults());
        try (RecordingFile events = new RecordingFile(file)) {
            while (events.hasMoreEvents()) {
                recipe.accept(events.readEvent(), profile);
            }
        }
        assertThat(contentionsThrough(profile, "parkHere")).isEqualTo(200);
        assertThat(contentionsThrough(profile, "parkThere")).isEqualTo(50);
        // Two stacks of the test thread, plus whatever other threads of this JVM parked meanwhile.
        assertThat(profile.memo().hits()).isGreaterThanOrEqualTo(240);
        assertThat(profile.memo().misses()).isLessThan(profile.memo().hits() / 10);
        assertThat(Files.size(file)).isPositive();
    }

    private static void parkHere() {
        LockSupport.parkNanos(50_000);
    }

    private static void parkThere() {
        LockSupport.parkNanos(50_000);
    }

    /** Sum of the first sample value over samples of the test thread whose stack has a function ending in {@code method}. */
    private static long contentionsThrough(StackProfile p, String method) {
        long sum = 0;
        for (Map.Entry<StackProfile.Key, long[]> s : p.samples().entrySet()) {
            boolean onThread = false;
            for (int id : s.getKey().labels()) {
                onThread |= p.strings().get(id).equals("memo-test-parker");
            }
            boolean through = false;
            for (int location : s.getKey().locations()) {
                int function = (int) p.locationList().get(location - 1)[0];
                through |= p.strings().get(p.functionList().get(function - 1)[0]).endsWith("." + method);
            }
            if (onThread && through) {
                sum += s.getValue()[0];
            }
        }
        return sum;
    }
}
