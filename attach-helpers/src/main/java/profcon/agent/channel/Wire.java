package profcon.agent.channel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The framing of the console-agent channel, used by both ends: a request is one line of words,
 * a reply a status, a one-line message, and an optional binary payload (a pprof profile).
 */
public final class Wire {
    /** Largest frame either side accepts: a bound on what a confused peer can make us allocate. */
    public static final int MAX_FRAME = 512 << 20;
    /** Largest request the agent reads: requests are one line of words, so a bigger one is an error, not an allocation. */
    public static final int MAX_REQUEST = 64 << 10;
    public static final byte OK = 0;
    public static final byte ERROR = 1;

    private Wire() {
    }

    /** A reply: status, message, payload (empty array when none). */
    public record Reply(byte status, String message, byte[] payload) {
        public boolean ok() {
            return status == OK;
        }
    }

    public static void writeRequest(DataOutputStream out, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    public static String readRequest(DataInputStream in) throws IOException {
        return new String(readFrame(in, MAX_REQUEST), StandardCharsets.UTF_8);
    }

    public static void writeReply(DataOutputStream out, Reply reply) throws IOException {
        byte[] message = reply.message().getBytes(StandardCharsets.UTF_8);
        out.writeInt(1 + 4 + message.length + reply.payload().length);
        out.writeByte(reply.status());
        out.writeInt(message.length);
        out.write(message);
        out.write(reply.payload());
        out.flush();
    }

    public static Reply readReply(DataInputStream in) throws IOException {
        byte[] frame = readFrame(in, MAX_FRAME);
        if (frame.length < 5) {
            throw new IOException("malformed reply from the agent (" + frame.length + " bytes)");
        }
        int messageLength = ((frame[1] & 0xff) << 24) | ((frame[2] & 0xff) << 16) | ((frame[3] & 0xff) << 8)
                | (frame[4] & 0xff);
        if (messageLength < 0 || 5 + messageLength > frame.length) {
            throw new IOException("malformed reply from the agent (message length " + messageLength + ")");
        }
        String message = new String(frame, 5, messageLength, StandardCharsets.UTF_8);
        byte[] payload = java.util.Arrays.copyOfRange(frame, 5 + messageLength, frame.length);
        return new Reply(frame[0], message, payload);
    }

    private static byte[] readFrame(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > max) {
            throw new IOException("frame of " + length + " bytes is outside 0.." + max);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
