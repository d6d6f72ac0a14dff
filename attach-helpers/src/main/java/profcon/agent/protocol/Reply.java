package profcon.agent.protocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import profcon.agent.channel.Wire;

/**
 * What the agent answers, one type per shape of answer. Each type writes itself as a frame
 * ({@link #frame}: a one-line message, or {@code key=value} lines for {@link Info}, and a payload)
 * and reads itself back ({@code from}); both ends go through {@link Codec}. A refusal is no reply
 * but an error frame carrying the agent's reason.
 */
public sealed interface Reply {
    /** This reply as an OK frame. */
    Wire.Reply frame();

    private static Wire.Reply ok(String message, byte[] payload) {
        return new Wire.Reply(Wire.OK, message, payload);
    }

    /** The target described ({@code info}): ordered key/values (pid, main, vm, ..., agent_version, profiling). */
    final class Info extends AbstractMap<String, String> implements Reply {
        private final Map<String, String> values;

        public Info(Map<String, String> values) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Wire.Reply frame() {
            StringJoiner lines = new StringJoiner("\n");
            values.forEach((k, v) -> lines.add(k + "=" + v.replace('\n', ' ')));
            return ok(lines.toString(), new byte[0]);
        }

        static Info from(Wire.Reply frame) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : frame.message().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return new Info(values);
        }
    }

    /** A profile started ({@code start}): its kind and the settings in force ("period=10ms"), possibly empty. */
    record Started(String kind, String settings) implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok(("started " + kind + " " + settings).strip(), new byte[0]);
        }

        static Started from(Wire.Reply frame) throws ProtocolException {
            String[] words = frame.message().split(" ", 3);
            if (words.length < 2 || !words[0].equals("started")) {
                throw new ProtocolException("malformed start reply from the agent: '" + frame.message() + "'");
            }
            return new Started(words[1], words.length > 2 ? words[2] : "");
        }
    }

    /** How the profile being collected is going ({@code progress}); when none is, only {@code running} is set. */
    record Progress(boolean running, String kind, Duration elapsed, long events) implements Reply {
        public static Progress idle() {
            return new Progress(false, "", Duration.ZERO, 0);
        }

        @Override
        public Wire.Reply frame() {
            return ok(!running ? "running=false" : "running=true kind=" + kind + " elapsed_ms=" + elapsed.toMillis()
                    + " events=" + events, new byte[0]);
        }

        static Progress from(Wire.Reply frame) throws ProtocolException {
            Fields f = Fields.of("progress", frame.message());
            return f.flag("running") ? new Progress(true, f.text("kind"), f.millis("elapsed_ms"), f.number("events"))
                    : idle();
        }
    }

    /** A profile as pprof bytes ({@code stop}, {@code snapshot}), with the events in it and the time it covers. */
    record Collected(long events, Duration elapsed, byte[] pprof) implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok("events=" + events + " elapsed_ms=" + elapsed.toMillis(), pprof);
        }

        static Collected from(Wire.Reply frame) throws ProtocolException {
            Fields f = Fields.of("profile", frame.message());
            return new Collected(f.number("events"), f.millis("elapsed_ms"), frame.payload());
        }
    }

    /** The session ended ({@code detach}): the agent has stopped everything before saying so. */
    record Detached() implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok("detached", new byte[0]);
        }

        static Detached from(Wire.Reply frame) {
            return new Detached();
        }
    }

    /** Bytes the console renders ({@code threads}, {@code threads-full}, {@code pauses}); {@code what} names them. */
    record Payload(String what, byte[] bytes) implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok(what + " bytes=" + bytes.length, bytes);
        }

        static Payload from(Wire.Reply frame) {
            return new Payload(frame.message().split(" ", 2)[0], frame.payload());
        }
    }

    /** How long an operation would stop the target ({@code estimate}), the sizes it scales with, and how it was made. */
    record Estimate(long platformThreads, long heapUsed, long estimateNanos, String model) implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok("platform=" + platformThreads + " heap_used=" + heapUsed + " estimate_ns=" + estimateNanos
                    + " model=" + model, new byte[0]);
        }

        static Estimate from(Wire.Reply frame) throws ProtocolException {
            String message = frame.message();
            int model = message.indexOf(" model=");
            Fields f = Fields.of("estimate", model < 0 ? message : message.substring(0, model));
            return new Estimate(f.number("platform"), f.number("heap_used"), f.number("estimate_ns"),
                    model < 0 ? "" : message.substring(model + 7));
        }
    }

    /** A heap dump written by the target into the session directory ({@code heapdump}), and what it cost. */
    record HeapDump(Path file, boolean live, long callNanos, long stallNanos) implements Reply {
        @Override
        public Wire.Reply frame() {
            // the file last: a path may hold spaces
            return ok("live=" + live + " call_ns=" + callNanos + " stall_ns=" + stallNanos + " file=" + file,
                    new byte[0]);
        }

        static HeapDump from(Wire.Reply frame) throws ProtocolException {
            String message = frame.message();
            int file = message.indexOf(" file=");
            if (file < 0) {
                throw new ProtocolException("malformed heapdump reply from the agent: no file");
            }
            Fields f = Fields.of("heapdump", message.substring(0, file));
            return new HeapDump(Path.of(message.substring(file + 6)), f.flag("live"), f.number("call_ns"),
                    f.number("stall_ns"));
        }
    }

    /** The class histogram's text ({@code histogram}), and what it cost. */
    record Histogram(boolean live, long callNanos, long stallNanos, byte[] text) implements Reply {
        @Override
        public Wire.Reply frame() {
            return ok("live=" + live + " call_ns=" + callNanos + " stall_ns=" + stallNanos, text);
        }

        static Histogram from(Wire.Reply frame) throws ProtocolException {
            Fields f = Fields.of("histogram", frame.message());
            return new Histogram(f.flag("live"), f.number("call_ns"), f.number("stall_ns"), frame.payload());
        }
    }
}
