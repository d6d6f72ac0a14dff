package profcon.agent;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import profcon.agent.channel.Wire;
import profcon.agent.jfr.JfrStartup;
import profcon.agent.jfr.Recipes;
import profcon.agent.labels.ApplicationLabels;
import profcon.agent.labels.LabelPairs;
import profcon.agent.profile.Collector;
import profcon.agent.profile.ProfileKind;
import profcon.agent.profile.SamplingOptions;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.agent.sched.NativeThreadIds;
import profcon.agent.threads.Diagnostics;
import profcon.agent.trace.TraceRecorder;

/**
 * The agent's side of every request of one console session, whatever carries it (the socket in
 * a target, or a test's in-memory channel): decodes the line, answers it (the profile being
 * collected, the target's info, the diagnostics), and encodes the reply, or a one-line refusal.
 * Called by one thread at a time.
 */
public final class RequestHandler {
    private final TargetInfo info = new TargetInfo();
    private final Path dir;
    private final Runnable onDetach;
    private final NativeProfilerGuard nativeGuard = new NativeProfilerGuard();
    private final JfrStartup jfrStartup = new JfrStartup();
    // made by the first thread or heap request: its clocks touch the management beans, which a
    // session that only profiles (or only asks for info) should not pay for at attach
    private Diagnostics diagnostics;
    private final TraceRecorder tracer;
    private Collector sampler;
    private long finishedSamplersCpu;

    /** {@code dir} is the session directory (the only place the agent writes); {@code onDetach} runs before detach is answered. */
    public RequestHandler(Path dir, Runnable onDetach) {
        this.dir = dir;
        this.onDetach = onDetach;
        this.tracer = new TraceRecorder(dir);
    }

    /** The frame answering {@code line}: the reply, or the reason it was refused. */
    public Wire.Reply answer(String line) {
        try {
            return Codec.encode(handle(Codec.decode(line)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Codec.refusal(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Codec.refusal("interrupted");
        } catch (RuntimeException | LinkageError e) {
            return Codec.refusal("agent error: " + e);
        }
    }

    private Reply handle(Request<?> request) throws InterruptedException {
        if (request instanceof Request.Diagnostic<?> d) {
            if (diagnostics == null) {
                diagnostics = new Diagnostics(dir);
            }
            return diagnostics.handle(d);
        } else if (request instanceof Request.Info) {
            return info.describe(sampler, agentCpuNanos());
        } else if (request instanceof Request.Start s) {
            return start(s);
        } else if (request instanceof Request.Progress) {
            return progress();
        } else if (request instanceof Request.Stop) {
            return stop();
        } else if (request instanceof Request.Snapshot) {
            return snapshot();
        } else if (request instanceof Request.Labels) {
            byte[] lines = LabelPairs.lines(ApplicationLabels.now());
            return new Reply.Payload(ApplicationLabels.loaded() ? "labels" : "no-library", lines);
        } else if (request instanceof Request.NativeGuard g) {
            nativeGuard.set(g.library());
            return new Reply.Payload(nativeGuard.isSet() ? "guarded" : "cleared", new byte[0]);
        } else if (request instanceof Request.ThreadIds) {
            return threadIds();
        } else if (request instanceof Request.JfrInit) {
            jfrStartup.begin();
            return new Reply.Payload("jfr-init", new byte[0]);
        } else if (request instanceof Request.Trace t) {
            return trace(t);
        } else if (request instanceof Request.Detach) {
            release();
            onDetach.run(); // before the reply: a console that reads "detached" finds the target free
            return new Reply.Detached();
        }
        throw new IllegalArgumentException("unknown request '" + Codec.encode(request) + "'");
    }

    private Reply.Started start(Request.Start request) {
        if (sampler != null) {
            throw new IllegalStateException("a " + sampler.kind() + " profile is already being collected");
        }
        ProfileKind kind = Recipes.named(request.kind());
        SamplingOptions options = SamplingOptions.parse(kind.defaults(), request.optionWords());
        Collector s = kind.collector(options, dir);
        s.start();
        if (!request.window().isZero()) {
            s.endAfter(request.window());
        }
        sampler = s;
        return new Reply.Started(kind.kind(), s.settings());
    }

    private Reply.Payload trace(Request.Trace t) {
        try {
            return switch (t.action()) {
                case "start" -> path("tracing", tracer.start(t.window()));
                case "sched" -> new Reply.Payload("sched", Integer.toString(tracer.sched(Long.parseLong(t.args().get(0)),
                        Long.parseLong(t.args().get(1)), t.args().subList(2, t.args().size()))).getBytes(UTF_8));
                case "limits" -> {
                    tracer.limits(Request.Start.options(t.args()));
                    yield new Reply.Payload("limits", new byte[0]);
                }
                default -> path("traced", tracer.stop());
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("trace failed in the target: " + e.getMessage());
        }
    }

    private static Reply.Payload path(String what, Path file) {
        return new Reply.Payload(what, file.toString().getBytes(UTF_8));
    }

    private Reply.Payload threadIds() {
        try {
            return new Reply.Payload("thread-ids", new NativeThreadIds(dir).take());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("thread-ids failed in the target: " + e.getMessage());
        }
    }

    /** CPU used by this session's threads: the one answering requests, and every sampler so far. */
    private long agentCpuNanos() {
        long channelCpu = Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        return channelCpu + finishedSamplersCpu + (sampler == null ? 0 : sampler.cpuNanos());
    }

    private Reply.Progress progress() {
        if (sampler == null) {
            return Reply.Progress.idle();
        }
        return new Reply.Progress(true, sampler.kind(), sampler.elapsed(), sampler.events());
    }

    private Reply.Collected stop() throws InterruptedException {
        Collector s = running();
        sampler = null;
        byte[] profile = s.stop();
        finishedSamplersCpu += s.cpuNanos();
        return new Reply.Collected(s.events(), s.elapsed(), profile);
    }

    /** The profile so far, without stopping: the console keeps it in case the target dies mid-profile. */
    private Reply.Collected snapshot() {
        Collector s = running();
        return new Reply.Collected(s.events(), s.elapsed(), s.snapshot());
    }

    private Collector running() {
        if (sampler == null) {
            throw new IllegalStateException("no profile is being collected");
        }
        return sampler;
    }

    /** Stops the profile being collected, if any, joining its thread; nothing is left running or held. */
    public void release() {
        try {
            if (sampler != null) {
                sampler.abort();
                sampler = null;
            }
            jfrStartup.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tracer.abort(); // a console gone mid-trace leaves no recording running
            nativeGuard.stopIfSet(); // a console gone mid native profile leaves nothing running
            ApplicationLabels.forget(); // no application class is kept alive once the session is over
        }
    }
}
