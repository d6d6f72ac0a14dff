package profcon.demo;

import java.io.IOException;
import java.io.InputStream;

/**
 * Pinned virtual threads on JDK 24+: each request loads a tenant's settings holder, whose static
 * initializer fetches them from a slow store (a sleep). A virtual thread that blocks while a class
 * initializer is on its stack cannot unmount (JEP 491 still pins there), so its carrier blocks too;
 * {@code jdk.VirtualThreadPinned} says so, with the reason "VM call to ...&lt;clinit&gt; on stack".
 * Each request defines the holder again in a fresh class loader, so its initializer runs every time.
 *
 * <p>Options: {@code --threads=4} virtual request threads, {@code --init-ms=30} that the initializer
 * blocks, {@code --think-ms=20} between requests. Needs JDK 21+.
 */
public final class VirtualPinning {
    private VirtualPinning() {
    }

    public static void main(String[] argv) {
        Target.run("VirtualPinning", argv, VirtualPinning::start);
    }

    static void start(Args args) throws IOException {
        Threads.requireVirtual();
        int threads = args.positive("threads", 4);
        long initMillis = args.positive("init-ms", 30);
        long thinkMillis = args.integer("think-ms", 20);
        System.setProperty(TenantSettings.DELAY_PROPERTY, Long.toString(initMillis));
        byte[] holder = classBytes(TenantSettings.class);
        Threads.keepAlive();
        for (int i = 1; i <= threads; i++) {
            Threads.startVirtual("request-" + i, () -> serveForever(holder, thinkMillis));
        }
    }

    static void serveForever(byte[] holder, long thinkMillis) {
        try {
            while (true) {
                Class.forName(TenantSettings.class.getName(), true, new FreshLoader(holder));
                Thread.sleep(thinkMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = VirtualPinning.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot read " + resource);
            }
            return in.readAllBytes();
        }
    }

    /** Defines one copy of the holder, so each request runs its static initializer anew. */
    static final class FreshLoader extends ClassLoader {
        private final byte[] holder;

        FreshLoader(byte[] holder) {
            super(VirtualPinning.class.getClassLoader());
            this.holder = holder;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(TenantSettings.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, holder, 0, holder.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    /** The holder whose initializer blocks: the defect (fetch the settings outside class initialization). */
    static final class TenantSettings {
        static final String DELAY_PROPERTY = "profcon.demo.init-ms";
        static final long LOADED_AT;

        static {
            try {
                Thread.sleep(Long.getLong(DELAY_PROPERTY, 30)); // the slow settings store
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOADED_AT = System.nanoTime();
        }

        private TenantSettings() {
        }
    }
}
