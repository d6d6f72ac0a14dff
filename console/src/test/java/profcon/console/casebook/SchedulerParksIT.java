package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/**
 * On a JDK 25 target running virtual threads, lock and block record {@code jdk.ThreadPark} only from
 * 1 ms, so the scheduler's own short parks stay out, while virtual threads' waits are still sampled;
 * a JDK 25 target without virtual threads keeps threshold 0 for every event.
 */
class SchedulerParksIT {
    private static final String JDK25 = "profcon.jdk25";
    private static final long FLOOR_NANOS = 1_000_000;

    @TempDir
    Path tmp;

    @Test
    void aLoomTargetsParkEventsAreAllAtLeastTheFloor() throws Exception {
        ConsoleRun[] run = new ConsoleRun[1];
        Profile block = profile("block", run, "profcon.demo.LoomQueue", "--lock=reentrant");
        assertThat(run[0].err()).contains("park_threshold=1ms");
        assertThat(block.comments()).anySatisfy(c -> assertThat(c).startsWith("profcon: jdk.ThreadPark recorded from 1ms"));
        // Each JFR park of a platform thread (carriers, the timer) lasted at least the floor: no sub-millisecond
        // scheduler park, which at threshold 0 are thousands a second on this target.
        assertThat(block.samples()).filteredOn(s -> "park".equals(s.label("kind")) && "platform".equals(s.label("thread_kind")))
                .allSatisfy(s -> assertThat(s.values()[1]).isGreaterThanOrEqualTo(s.values()[0] * FLOOR_NANOS));
        // The virtual threads' parks, sampled, are all still there.
        assertThat(Profiles.flatTop(block, "delay")).isEqualTo("java.util.concurrent.locks.ReentrantLock.lock");
        assertThat(block.samples()).anySatisfy(s -> {
            assertThat(s.label("kind")).isEqualTo("park");
            assertThat(s.label("thread_kind")).isEqualTo("virtual");
        });
    }

    @Test
    void aTargetWithoutVirtualThreadsKeepsThresholdZeroForParks() throws Exception {
        ConsoleRun[] run = new ConsoleRun[1];
        Profile lock = profile("lock", run, "profcon.demo.ShortWaits");
        assertThat(run[0].err()).contains("threshold=0s").doesNotContain("park_threshold");
        assertThat(lock.comments()).noneSatisfy(c -> assertThat(c).contains("jdk.ThreadPark recorded from"));
    }

    private Profile profile(String kind, ConsoleRun[] run, String mainClass, String... args) throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(JDK25), mainClass, args)) {
            Path saved = tmp.resolve(kind + ".pb.gz");
            run[0] = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile " + kind + " 4s vthreads=sample; save " + saved);
            assertThat(run[0].exitCode()).as(run[0].out() + run[0].err()).isZero();
            return PprofReader.read(saved);
        }
    }
}
