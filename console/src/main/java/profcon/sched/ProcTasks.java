package profcon.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every native thread of a process from {@code /proc} (or a recorded copy of it, for
 * tests): the sampler that {@code sched} runs at the start and end of its window, and that a
 * recording can run at an interval. It costs the target nothing: the kernel answers.
 */
public final class ProcTasks {
    private final Path proc;
    private final long pid;

    /** {@code proc} is the proc file system's root, {@code /proc} on a live machine. */
    public ProcTasks(Path proc, long pid) {
        this.proc = proc;
        this.pid = pid;
    }

    /** Every thread of the process now, by native id; a thread that ends while being read is left out. */
    public Map<Long, TaskStat> read() throws IOException {
        Map<Long, TaskStat> tasks = new LinkedHashMap<>();
        Path dir = proc.resolve(Long.toString(pid)).resolve("task");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path task : entries) {
                TaskStat stat = readTask(task);
                if (stat != null) {
                    tasks.put(stat.tid(), stat);
                }
            }
        }
        return tasks;
    }

    /** The process's status file: its allowed CPUs ({@code Cpus_allowed_list}). */
    ProcStatus status() throws IOException {
        return ProcStatus.parse(text(proc.resolve(Long.toString(pid)).resolve("status")));
    }

    private static TaskStat readTask(Path task) throws IOException {
        long tid;
        try {
            tid = Long.parseLong(task.getFileName().toString());
        } catch (NumberFormatException e) {
            return null; // not a task directory
        }
        try {
            return TaskStat.parse(tid, text(task.resolve("comm")), text(task.resolve("schedstat")),
                    text(task.resolve("status")));
        } catch (IOException e) {
            if (Files.exists(task)) {
                throw e;
            }
            return null; // the thread ended between the listing and the reading
        }
    }

    static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
