package profcon.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link ProfileLabels#byThread}: labels read from outside the thread, and no slot left for ended threads. */
class ByThreadTest {
    @Test
    @SuppressWarnings("deprecation") // getId(): the labels library runs on JDK 17
    void aThreadInsideASpanIsSeenFromAnotherThreadUntilItLeaves() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread stuck = new Thread(() -> ProfileLabels.run(Map.of("tenant", "a;b", "endpoint", "/pay"), () -> {
            inside.countDown();
            await(leave);
        }), "stuck-request");
        stuck.start();
        inside.await();

        assertThat(ProfileLabels.byThread()).containsEntry(stuck.getId(), "endpoint=/pay;tenant=a%3Bb");
        leave.countDown();
        stuck.join();
        assertThat(ProfileLabels.byThread()).doesNotContainKey(stuck.getId());
    }

    @Test
    void threadsWithoutLabelsNowAreLeftOut() {
        ProfileLabels.run(Map.of("k", "v"), () -> { });
        @SuppressWarnings("deprecation")
        long self = Thread.currentThread().getId();
        assertThat(ProfileLabels.byThread()).doesNotContainKey(self);
        ProfileLabels.run(Map.of("k", "v"), () -> assertThat(ProfileLabels.byThread()).containsEntry(self, "k=v"));
    }

    @Test
    void endedThreadsLeaveNoSlotOnceRead() throws Exception {
        ProfileLabels.current(); // this thread's own slot, registered before counting
        ProfileLabels.byThread();
        int before = ThreadRegistry.size();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Thread t = new Thread(() -> ProfileLabels.run(Map.of("n", "1"), () -> { }), "short-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ThreadRegistry.size()).isGreaterThanOrEqualTo(before + 50);

        assertThat(ProfileLabels.byThread()).isEmpty();
        assertThat(ThreadRegistry.size()).isEqualTo(before);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
