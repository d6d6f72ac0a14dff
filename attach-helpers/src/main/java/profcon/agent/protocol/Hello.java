package profcon.agent.protocol;

/**
 * The agent's greeting, its first line on the channel: the session's token (proof that it is the
 * agent this console loaded), its pid, the protocol it speaks and its build. An agent from before
 * the protocol had a number greets without one: it reads as protocol 0, build unknown.
 */
public record Hello(String token, long pid, int protocol, String build) {
    public static final String UNKNOWN_BUILD = "unknown";

    /** This agent's greeting. */
    public static Hello of(String token, long pid, String build) {
        return new Hello(token, pid, Codec.PROTOCOL, build);
    }
}
