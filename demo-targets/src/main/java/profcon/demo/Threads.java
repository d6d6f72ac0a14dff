package profcon.demo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Starts named threads, platform or (JDK 21+, through reflection since we compile for 17) virtual. */
final class Threads {
    private static final int FIRST_VIRTUAL_FEATURE = 21;

    private Threads() {
    }

    /** Starts a non-daemon platform thread. */
    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    /** Starts a non-daemon platform thread with a small stack, for targets that start thousands. */
    static Thread startSmall(String name, Runnable body) {
        Thread thread = new Thread(null, body, name, 256 * 1024);
        thread.start();
        return thread;
    }

    /** Starts a virtual thread; call {@link #requireVirtual()} first for a clean error. */
    static Thread startVirtual(String name, Runnable body) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Method named = Class.forName("java.lang.Thread$Builder").getMethod("name", String.class);
            Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
            return (Thread) start.invoke(named.invoke(builder, name), body);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot start virtual thread " + name, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start virtual thread " + name, e);
        }
    }

    /** Keeps the JVM alive for a target whose workers are all virtual (always daemon threads). */
    static void keepAlive() {
        start("keep-alive", () -> {
            try {
                while (true) {
                    Thread.sleep(60_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static Thread start(String name, Runnable body, boolean virtual) {
        return virtual ? startVirtual(name, body) : startSmall(name, body);
    }

    /** Fails with a usage error when this JVM has no virtual threads. */
    static void requireVirtual() {
        int feature = Runtime.version().feature();
        if (feature < FIRST_VIRTUAL_FEATURE) {
            throw new IllegalArgumentException("--virtual needs a JDK " + FIRST_VIRTUAL_FEATURE
                    + " or later JVM; this one is " + Runtime.version());
        }
    }
}
