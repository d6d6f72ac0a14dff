package profcon.agent.threads;

import java.io.IOException;
import java.nio.file.Path;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;

/**
 * The agent's thread-dump and heap requests ({@link Request.Diagnostic}): grouped and full thread
 * dumps, pause estimates, heap dumps, class histograms and pause recordings. Every reply is the
 * complete result: nothing is streamed while the target is stopped, so a slow console can never
 * lengthen a pause.
 */
public final class Diagnostics {
    private final Path dir;
    private final PauseModel model = new PauseModel();
    private final StackMemo stacks = new StackMemo();

    public Diagnostics(Path dir) {
        this.dir = dir;
    }

    public Reply handle(Request.Diagnostic<?> request) throws InterruptedException {
        try {
            if (request instanceof Request.Threads t) {
                int chunk = t.chunk() == 0 ? GroupedThreadDump.DEFAULT_CHUNK : t.chunk();
                return new Reply.Payload("grouped", new GroupedThreadDump(dir, chunk, stacks).take());
            } else if (request instanceof Request.ThreadsFull) {
                return new Reply.Payload("full", new FullThreadDump(dir, model).take());
            } else if (request instanceof Request.Estimate e) {
                return model.estimate(PauseModel.Kind.valueOf(e.kind().name()));
            } else if (request instanceof Request.HeapDump h) {
                return new HeapOperations(dir, model).heapDump(h.live());
            } else if (request instanceof Request.Histogram h) {
                return new HeapOperations(dir, model).histogram(h.all());
            } else if (request instanceof Request.Pauses p) {
                return new Reply.Payload("pauses", new PauseRecorder(dir).record(p.window()));
            }
            throw new IllegalArgumentException("unknown request '" + request.words().get(0) + "'");
        } catch (IOException e) {
            throw new IllegalStateException(request.words().get(0) + " failed in the target: " + e.getMessage());
        }
    }
}
