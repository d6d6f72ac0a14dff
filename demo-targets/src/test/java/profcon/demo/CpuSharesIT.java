package profcon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CpuShares' truth file, read while the target runs: what the accuracy bench cuts its windows from. */
class CpuSharesIT {
    private static final long TIMEOUT_MS = 60_000;

    @Test
    void truthCountsRunningTasksSoFarAndNeverGoesBack(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.txt");
        // One thread, a 900 ms a task first: a line every 100 ms while it runs, long before it ends
        try (TargetProcess target = TargetProcess.startDemo("CpuShares", "--threads=1", "--task-ms=100",
                "--ratio=9", "--truth=" + truth).awaitReady()) {
            List<long[]> lines = linesUntilTheFirstTaskEnds(truth);
            assertThat(Files.readAllLines(truth).get(0)).startsWith("# CpuShares clock=thread-cpu threads=1");
            assertThat(lines).as("lines with a's time counted before any task ended")
                    .anyMatch(l -> l[1] > 0 && l[3] == 0);
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i)[1]).as("a ns at line %d", i).isGreaterThanOrEqualTo(lines.get(i - 1)[1]);
            }
        }
    }

    /** The truth lines up to the first with a completed task (polled: the task's length is the subject). */
    private static List<long[]> linesUntilTheFirstTaskEnds(Path truth) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.readString(truth);
            // whole lines only: the target may be writing the last one
            List<long[]> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().skip(1)
                    .map(l -> Arrays.stream(l.split(" ")).mapToLong(Long::parseLong).toArray())
                    .toList();
            if (lines.stream().anyMatch(l -> l[3] > 0)) {
                return lines;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no task completed within " + TIMEOUT_MS + " ms: " + Files.readAllLines(truth));
    }
}
