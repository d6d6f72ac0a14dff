package profcon.agent.encoding;

import java.util.Arrays;

/**
 * A minimal protobuf encoder (varints and length-delimited fields), enough to write pprof.
 *
 * <p>The agent lives inside someone else's JVM and may not bring protobuf-java; this is the
 * whole of the wire format it needs. Nested messages are encoded into their own buffer and
 * appended with {@link #message}.
 */
final class ProtoBuffer {
    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void clear() {
        size = 0;
    }

    /** A varint field, omitted when zero as proto3 does. */
    void int64(int field, long value) {
        if (value != 0) {
            tag(field, 0);
            varint(value);
        }
    }

    void bool(int field, boolean value) {
        if (value) {
            int64(field, 1);
        }
    }

    void string(int field, String value) {
        bytes(field, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void message(int field, ProtoBuffer message) {
        tag(field, 2);
        varint(message.size);
        ensure(message.size);
        System.arraycopy(message.bytes, 0, bytes, size, message.size);
        size += message.size;
    }

    /** A packed repeated varint field. */
    void packed(int field, long[] values, int count) {
        if (count == 0) {
            return;
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length += varintSize(values[i]);
        }
        tag(field, 2);
        varint(length);
        for (int i = 0; i < count; i++) {
            varint(values[i]);
        }
    }

    private void bytes(int field, byte[] value) {
        tag(field, 2);
        varint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    private static int varintSize(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            n++;
            value >>>= 7;
        }
        return n;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
