package profcon.labels;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a virtual thread's labels on its stack. A sampler of OS threads (async-profiler) sees a
 * virtual thread only as the carrier it is mounted on, so labels kept per thread cannot reach its
 * samples; a frame can, wherever the thread is mounted. Work labelled on a virtual thread runs
 * inside {@code profcon.labels.Labelled$<labels>.run}, a hidden class (one per distinct label set,
 * at most {@link #MAX}) whose name is the set's encoded form with {@code % . ; [ /} escaped
 * {@code %25 %2E %3B %5B %2F}; profcon reads the innermost such frame and leaves it out of the stack.
 * Hidden frames are not in exception stack traces, so the application sees no change.
 */
final class LabelFrames {
    /** The class name's prefix, as a profiler reads it (dots). */
    static final String PREFIX = "profcon.labels.Labelled$";
    /** Distinct label sets given a frame; later ones run without one (metaspace stays bounded). */
    static final int MAX = 1024;
    /** Said for a set that has no frame: past {@link #MAX}, or one that could not be defined. */
    static final LabelFrame NONE = new LabelFrame() {
        @Override
        public void run(Runnable work) {
            work.run();
        }

        @Override
        public Object call(java.util.concurrent.Callable<?> work) throws Exception {
            return work.call();
        }
    };
    // Keyed by the label map, not its encoded form: run(Map) makes a new set each call, and looking
    // a map up (its strings' hashes are cached) costs less than encoding it every time.
    private static final Map<Map<String, String>, LabelFrame> FRAMES = new ConcurrentHashMap<>();

    private LabelFrames() {
    }

    /** The frame for a label set, defined at its first use; {@link #NONE} once {@link #MAX} sets have frames. */
    static LabelFrame of(LabelSet labels) {
        LabelFrame frame = FRAMES.get(labels.map());
        if (frame != null) {
            return frame;
        }
        return FRAMES.size() >= MAX ? NONE : FRAMES.computeIfAbsent(labels.map(), m -> define(labels.encoded()));
    }

    /** {@code k=v;k2=v2} escaped for a class name: no {@code . ; [ /}, and {@code %} kept reversible. */
    static String className(String encodedLabels) {
        StringBuilder b = new StringBuilder(PREFIX.replace('.', '/'));
        for (int i = 0; i < encodedLabels.length(); i++) {
            char c = encodedLabels.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '.' -> b.append("%2E");
                case ';' -> b.append("%3B");
                case '[' -> b.append("%5B");
                case '/' -> b.append("%2F");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static LabelFrame define(String encodedLabels) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes(className(encodedLabels)), true);
            return (LabelFrame) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            // a name past the class file's 64 KB limit, say: the work must run all the same, unlabelled for stacks
            return NONE;
        }
    }

    /**
     * The class file of {@code final class NAME implements LabelFrame}, whose {@code run} and
     * {@code call} only call the work: written by hand, as the library depends on nothing.
     */
    static byte[] bytes(String internalName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + internalName.length());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61); // Java 17
        constants(out, internalName);
        out.writeShort(0x0030); // final, super
        out.writeShort(2); // this
        out.writeShort(4); // super: Object
        out.writeShort(1);
        out.writeShort(6); // implements LabelFrame
        out.writeShort(0); // fields
        out.writeShort(3); // methods
        method(out, 7, 8, 1, new byte[] {0x2a, (byte) 0xb7, 0, 10, (byte) 0xb1}); // super(); return
        method(out, 11, 12, 2, new byte[] {0x2b, (byte) 0xb9, 0, 16, 1, 0, (byte) 0xb1}); // work.run(); return
        method(out, 17, 18, 2, new byte[] {0x2b, (byte) 0xb9, 0, 23, 1, 0, (byte) 0xb0}); // return work.call()
        out.writeShort(0); // attributes
        return bytes.toByteArray();
    }

    private static void constants(DataOutputStream out, String internalName) throws IOException {
        out.writeShort(25);
        utf8(out, internalName); // 1
        ref(out, 7, 1); // 2: this class
        utf8(out, "java/lang/Object"); // 3
        ref(out, 7, 3); // 4
        utf8(out, "profcon/labels/LabelFrame"); // 5
        ref(out, 7, 5); // 6
        utf8(out, "<init>"); // 7
        utf8(out, "()V"); // 8
        pair(out, 12, 7, 8); // 9: <init>()V
        pair(out, 10, 4, 9); // 10: Object.<init>
        utf8(out, "run"); // 11
        utf8(out, "(Ljava/lang/Runnable;)V"); // 12
        utf8(out, "java/lang/Runnable"); // 13
        ref(out, 7, 13); // 14
        pair(out, 12, 11, 8); // 15: run()V
        pair(out, 11, 14, 15); // 16: Runnable.run
        utf8(out, "call"); // 17
        utf8(out, "(Ljava/util/concurrent/Callable;)Ljava/lang/Object;"); // 18
        utf8(out, "java/util/concurrent/Callable"); // 19
        ref(out, 7, 19); // 20
        utf8(out, "()Ljava/lang/Object;"); // 21
        pair(out, 12, 17, 21); // 22: call()Object
        pair(out, 11, 20, 22); // 23: Callable.call
        utf8(out, "Code"); // 24
    }

    /** A public method with one Code attribute, max stack 1, no exception table. */
    private static void method(DataOutputStream out, int name, int descriptor, int locals, byte[] code)
            throws IOException {
        out.writeShort(0x0001);
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(24);
        out.writeInt(12 + code.length);
        out.writeShort(1);
        out.writeShort(locals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0);
        out.writeShort(0);
    }

    private static void utf8(DataOutputStream out, String s) throws IOException {
        out.writeByte(1);
        out.writeUTF(s);
    }

    private static void ref(DataOutputStream out, int tag, int index) throws IOException {
        out.writeByte(tag);
        out.writeShort(index);
    }

    private static void pair(DataOutputStream out, int tag, int first, int second) throws IOException {
        out.writeByte(tag);
        out.writeShort(first);
        out.writeShort(second);
    }
}
