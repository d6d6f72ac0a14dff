package profcon.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs a target for a few seconds under a JFR recording started with the JVM (lock and park
 * thresholds at zero, as profcon sets them) and reads back what JFR saw: what profcon will see.
 */
final class Recordings {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private Recordings() {
    }

    /** Runs {@code profcon.demo.<simpleClassName>} for {@code seconds} and returns its JFR events. */
    static List<RecordedEvent> record(Path dir, int seconds, String simpleClassName, String... args)
            throws InterruptedException {
        Path file = dir.resolve(simpleClassName + ".jfr");
        List<String> jvm = List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile"
                + ",+jdk.JavaMonitorEnter#threshold=0ms,+jdk.ThreadPark#threshold=0ms");
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--duration=" + seconds);
        try (TargetProcess target = TargetProcess.startJava(TargetProcess.jdk17(), TargetProcess.classes(),
                jvm, "profcon.demo." + simpleClassName, all.toArray(String[]::new)).awaitReady()) {
            int exit = target.awaitExit(EXIT_TIMEOUT);
            if (exit != 0) {
                throw new AssertionError(simpleClassName + " exited with " + exit + target.describe());
            }
        }
        try {
            return RecordingFile.readAllEvents(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Events of one type, e.g. {@code jdk.JavaMonitorEnter}. */
    static List<RecordedEvent> ofType(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).collect(Collectors.toList());
    }

    /** The top frame's {@code class.method}, with the class's binary name ({@code a.B$C.m}). */
    static String topFrame(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        return stack == null || stack.getFrames().isEmpty() ? "" : name(stack.getFrames().get(0));
    }

    /** Whether any frame of the event's stack is {@code frameName}. */
    static boolean hasFrame(RecordedEvent event, String frameName) {
        RecordedStackTrace stack = event.getStackTrace();
        return stack != null && stack.getFrames().stream().anyMatch(f -> name(f).equals(frameName));
    }

    /** The event's class field ({@code monitorClass} or {@code parkedClass}) as a binary name. */
    static String className(RecordedEvent event, String field) {
        return event.getClass(field) == null ? "" : event.getClass(field).getName();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
