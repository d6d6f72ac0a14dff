package profcon.console.command;

import java.io.IOException;
import profcon.agent.protocol.Reply;
import profcon.agent.protocol.Request;
import profcon.attach.AgentChannel;
import profcon.engine.LiveSource;

/** A profile collected by profcon's agent in the target (the JFR engine and every non-cpu kind). */
final class AgentSource implements LiveSource {
    private final AgentChannel channel;
    private final Request.Start start;

    AgentSource(AgentChannel channel, Request.Start start) {
        this.channel = channel;
        this.start = start;
    }

    @Override
    public String start() throws IOException {
        return channel.call(start).settings();
    }

    @Override
    public Progress progress() throws IOException {
        Reply.Progress p = channel.call(new Request.Progress());
        return new Progress(p.elapsed(), p.events());
    }

    @Override
    public byte[] snapshot() throws IOException {
        return channel.call(new Request.Snapshot()).pprof();
    }

    @Override
    public byte[] stop() throws IOException {
        return channel.call(new Request.Stop()).pprof();
    }

    @Override
    public String nothingCollected() {
        return ProfileCollection.NOTHING_COLLECTED;
    }
}
