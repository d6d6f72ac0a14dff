package profcon.agent.threads;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import profcon.agent.channel.Wire;

/**
 * The agent's thread-dump and heap requests: {@code threads [chunk=N]}, {@code threads-full},
 * {@code estimate full|heapdump|histogram}, {@code heapdump [live=false]}, {@code histogram [all]},
 * {@code pauses MILLIS}. Every reply is the complete result: nothing is streamed while the target
 * is stopped, so a slow console can never lengthen a pause.
 */
public final class Diagnostics {
    public static final Set<String> REQUESTS = Set.of("threads", "threads-full", "estimate", "heapdump", "histogram",
            "pauses");
    private static final long MAX_PAUSES_MS = 600_000;
    private final Path dir;
    private final PauseModel model = new PauseModel();
    private final StackMemo stacks = new StackMemo();

    public Diagnostics(Path dir) {
        this.dir = dir;
    }

    public Wire.Reply handle(List<String> words) throws InterruptedException {
        List<String> args = words.subList(1, words.size());
        try {
            return switch (words.get(0)) {
                case "threads" -> payload("grouped", new GroupedThreadDump(dir, chunk(args), stacks).take());
                case "threads-full" -> payload("full", new FullThreadDump(dir, model).take());
                case "estimate" -> message(model.estimate(kind(args)));
                case "heapdump" -> message(new HeapOperations(dir, model).heapDump(!args.contains("live=false")));
                case "histogram" -> new HeapOperations(dir, model).histogram(args.contains("all"));
                case "pauses" -> payload("pauses", new PauseRecorder(dir).record(window(args)));
                default -> throw new IllegalArgumentException("unknown request '" + words.get(0) + "'");
            };
        } catch (IOException e) {
            throw new IllegalStateException(words.get(0) + " failed in the target: " + e.getMessage());
        }
    }

    private static int chunk(List<String> args) {
        for (String a : args) {
            if (a.startsWith("chunk=")) {
                int n = Integer.parseInt(a.substring(6));
                if (n < 1) {
                    throw new IllegalArgumentException("chunk must be at least 1");
                }
                return n;
            }
        }
        return GroupedThreadDump.DEFAULT_CHUNK;
    }

    private static PauseModel.Kind kind(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("estimate needs full, heapdump or histogram");
        }
        return PauseModel.Kind.valueOf(args.get(0).toUpperCase(Locale.ROOT));
    }

    private static Duration window(List<String> args) {
        long ms = args.isEmpty() ? -1 : Long.parseLong(args.get(0));
        if (ms <= 0 || ms > MAX_PAUSES_MS) {
            throw new IllegalArgumentException("pauses needs a window of 1 to " + MAX_PAUSES_MS + " ms");
        }
        return Duration.ofMillis(ms);
    }

    private static Wire.Reply payload(String what, byte[] bytes) {
        return new Wire.Reply(Wire.OK, what + " bytes=" + bytes.length, bytes);
    }

    private static Wire.Reply message(String text) {
        return new Wire.Reply(Wire.OK, text, new byte[0]);
    }
}
