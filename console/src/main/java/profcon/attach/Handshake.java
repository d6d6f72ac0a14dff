package profcon.attach;

import profcon.agent.ProfconAgent;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Hello;
import profcon.agent.protocol.ProtocolException;

/**
 * The console's check of an agent's greeting: it must carry this session's token (it is the
 * agent this console loaded) and speak this console's protocol. An agent of another build still
 * loaded in the target (agent classes stay loaded) is refused in one line naming both versions.
 */
final class Handshake {
    private Handshake() {
    }

    /** The agent's greeting in {@code line}, checked; an AttachException saying what to do when it does not fit. */
    static Hello check(long pid, String token, String line) throws AttachException {
        Hello hello;
        try {
            hello = Codec.decodeHello(line);
        } catch (ProtocolException e) {
            throw new AttachException("target " + pid + ": the agent's greeting did not carry this session's token");
        }
        if (!hello.token().equals(token)) {
            throw new AttachException("target " + pid + ": the agent's greeting did not carry this session's token");
        }
        if (hello.protocol() != Codec.PROTOCOL) {
            throw new AttachException(mismatch(pid, hello));
        }
        return hello;
    }

    private static String mismatch(long pid, Hello hello) {
        String way = hello.protocol() > Codec.PROTOCOL ? "use profcon " + hello.build() + " or newer"
                : "use profcon " + hello.build();
        if (hello.build().equals(Hello.UNKNOWN_BUILD)) {
            way = "use the profcon that attached to it first";
        }
        return "target " + pid + "'s profcon agent speaks protocol " + hello.protocol() + " (build " + hello.build()
                + "), this console speaks " + Codec.PROTOCOL + " (build " + ProfconAgent.VERSION + "): " + way
                + ", or restart the target";
    }
}
