package profcon.agent.protocol;

import java.io.IOException;
import profcon.agent.channel.Wire;

/**
 * The one codec of the console-agent channel, used by both ends over {@link Wire}'s framing: a
 * {@link Request} is a line of words, a {@link Reply} an OK frame, a refusal an error frame with
 * the agent's one-line reason, and the agent's first line a {@link Hello}. The wire form of each
 * request and reply is declared next to its type; this class is the only way in and out.
 */
public final class Codec {
    /**
     * The protocol both ends speak; raise it whenever a request or reply changes shape, so a
     * console meeting an agent of another build refuses it in one line instead of misreading it.
     */
    public static final int PROTOCOL = 1;

    private Codec() {
    }

    /** The request as its line on the wire. */
    public static String encode(Request<?> request) {
        return String.join(" ", request.words());
    }

    /** The request a line stands for; IllegalArgumentException with the reason the agent gives back. */
    public static Request<?> decode(String line) {
        return Request.parse(line);
    }

    /** The reply as an OK frame. */
    public static Wire.Reply encode(Reply reply) {
        return reply.frame();
    }

    /** A refusal: an error frame whose message is the reason on one line. */
    public static Wire.Reply refusal(String reason) {
        String line = String.valueOf(reason).replace('\n', ' ').replace('\r', ' ');
        return new Wire.Reply(Wire.ERROR, line, new byte[0]);
    }

    /** The reply to {@code request}, read from an OK frame (the caller turns error frames into refusals first). */
    public static <R extends Reply> R decode(Request<R> request, Wire.Reply frame) throws IOException {
        if (!frame.ok()) {
            throw new IllegalArgumentException("an error frame is a refusal, not a reply: " + frame.message());
        }
        return request.reply(frame);
    }

    public static String encode(Hello hello) {
        return "hello token=" + hello.token() + " pid=" + hello.pid() + " protocol=" + hello.protocol() + " build="
                + hello.build();
    }

    /** The greeting in {@code line}; an agent that names no protocol speaks protocol 0. */
    public static Hello decodeHello(String line) throws ProtocolException {
        if (!line.startsWith("hello ")) {
            throw new ProtocolException("the agent's first line is not a greeting");
        }
        Fields f = Fields.of("hello", line);
        boolean numbered = line.contains(" protocol=");
        return new Hello(f.text("token"), f.number("pid"), numbered ? (int) f.number("protocol") : 0,
                numbered ? f.text("build") : Hello.UNKNOWN_BUILD);
    }
}
