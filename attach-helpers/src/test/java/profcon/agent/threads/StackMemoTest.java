package profcon.agent.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import org.junit.jupiter.api.Test;

/**
 * What {@link StackMemo} answers for a thread it has recorded: its stack's place only while its
 * CPU time is the same; nothing when it may not be trusted or kept too big a reply.
 * (Real threads that did or did not run: {@code DumpTextRoundTripTest} in profile-model.)
 */
class StackMemoTest {
    private final ThreadInfo self = ManagementFactory.getThreadMXBean()
            .getThreadInfo(Thread.currentThread().getId(), 0);

    @Test
    void answersWhereTheStackIsOnlyForTheSameCpuTime() {
        StackMemo memo = new StackMemo(true);
        assertThat(memo.empty()).isTrue();
        assertThat(memo.unchanged(self, 5)).isEqualTo(-1);

        memo.replace(new byte[100], recorded(memo, 5, 40L << 32 | 60));

        assertThat(memo.empty()).isFalse();
        assertThat(memo.reply()).hasSize(100);
        assertThat(memo.unchanged(self, 5)).isEqualTo(40L << 32 | 60);
        assertThat(memo.unchanged(self, 6)).as("ran since").isEqualTo(-1);
        assertThat(memo.unchanged(self, -1)).as("ended").isEqualTo(-1);
    }

    @Test
    void keepsNothingFromAReplyOverTheLimit() {
        StackMemo memo = new StackMemo(true);
        memo.replace(new byte[100], recorded(memo, 5, 0));
        memo.replace(new byte[StackMemo.MAX_KEPT_REPLY + 1], recorded(memo, 5, 0));

        assertThat(memo.empty()).isTrue();
        assertThat(memo.reply()).isEmpty();
        assertThat(memo.unchanged(self, 5)).isEqualTo(-1);
    }

    @Test
    void untrustedClockReusesNothing() {
        StackMemo memo = new StackMemo(false);
        memo.replace(new byte[100], recorded(memo, 5, 0));

        assertThat(memo.reuses()).isFalse();
        assertThat(memo.empty()).isTrue();
        assertThat(memo.unchanged(self, 5)).isEqualTo(-1);
    }

    private StackMemo.Rows recorded(StackMemo memo, long cpuNs, long stackAt) {
        StackMemo.Rows rows = memo.next(4);
        rows.add(self, cpuNs, stackAt);
        return rows;
    }
}
