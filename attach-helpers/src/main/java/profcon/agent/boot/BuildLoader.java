package profcon.agent.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class loader of one build's agent classes, read whole from the build jar when it is made so
 * that no file stays open in the target; its parent is the platform loader.
 */
final class BuildLoader extends ClassLoader {
    private static final String CLASS = ".class";
    private final Path jar;
    private final Map<String, byte[]> classes;
    private final ProtectionDomain domain;

    private BuildLoader(Path jar, Map<String, byte[]> classes) throws MalformedURLException {
        super(ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.classes = classes;
        this.domain = new ProtectionDomain(new CodeSource(jar.toUri().toURL(), (CodeSigner[]) null), null);
    }

    static BuildLoader read(Path jar) {
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.endsWith(CLASS)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        String binaryName = name.substring(0, name.length() - CLASS.length()).replace('/', '.');
                        classes.put(binaryName, in.readAllBytes());
                    }
                }
            }
            return new BuildLoader(jar, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("profcon agent bootstrap: cannot read the agent build " + jar + ": " + e, e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        // a loader defines a class once (loadClass holds the loader's lock): its bytes are of no further use
        byte[] bytes = classes.remove(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    public String toString() {
        return "profcon agent build " + jar;
    }
}
