package profcon.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and caches source files as pprof's sourceReader does, searching {@code source_path}
 * directories and their parents; for Java it also looks inside {@code -sources.jar} files.
 */
final class SourceReader {
    private final List<String> searchPath;
    private final String searchPathText;
    private final String trimPath;
    private final Map<String, List<String>> files = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();

    SourceReader(String searchPath, String trimPath) {
        this.searchPathText = searchPath;
        this.searchPath = List.of(searchPath.split(":"));
        this.trimPath = trimPath;
    }

    /** Line {@code lineno} (1-based) of {@code path}, or null when out of range or unreadable. */
    String line(String path, String function, int lineno) {
        List<String> lines = files.computeIfAbsent(path + "\u0000" + (function == null ? "" : javaPackage(function)),
                k -> load(path, function));
        return lineno <= 0 || lineno > lines.size() ? null : lines.get(lineno - 1);
    }

    /** Why {@code path} could not be read, or null. */
    String error(String path) {
        return errors.get(path);
    }

    private List<String> load(String path, String function) {
        String p = trimPath(path, trimPath, searchPathText);
        try {
            List<String> lines = open(p, function);
            if (lines != null) {
                return lines;
            }
        } catch (IOException e) {
            errors.put(path, e.getMessage());
            return List.of();
        }
        errors.put(path, "could not find file " + p + " on path " + searchPathText);
        return List.of();
    }

    private List<String> open(String path, String function) throws IOException {
        if (path.startsWith("/")) {
            Path f = Path.of(path);
            return Files.isRegularFile(f) ? read(f) : null;
        }
        for (String candidate : candidates(path, function)) {
            for (String dir : searchPath) {
                List<String> lines = dir.endsWith(".jar") ? fromJar(dir, candidate) : fromDirOrParents(dir, candidate);
                if (lines != null) {
                    return lines;
                }
            }
        }
        return null;
    }

    /** The path as given, then (Java) the package directory derived from {@code package.Class.method}. */
    static List<String> candidates(String path, String function) {
        List<String> c = new ArrayList<>();
        c.add(path);
        if (!path.contains("/") && function != null) {
            String pkg = javaPackage(function);
            if (!pkg.isEmpty()) {
                c.add(pkg.replace('.', '/') + "/" + path);
            }
        }
        return c;
    }

    private static String javaPackage(String function) {
        String f = function;
        int paren = f.indexOf('(');
        f = paren >= 0 ? f.substring(0, paren) : f;
        String[] parts = f.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (int i = 0; i < parts.length - 2 && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0)); i++) {
            pkg.append(pkg.length() == 0 ? "" : ".").append(parts[i]);
        }
        return pkg.toString();
    }

    private static List<String> fromDirOrParents(String dir, String path) throws IOException {
        Path d = Path.of(dir).toAbsolutePath().normalize();
        while (d != null) {
            Path f = d.resolve(path);
            if (Files.isRegularFile(f)) {
                return read(f);
            }
            d = d.getParent();
        }
        return null;
    }

    private static List<String> fromJar(String jar, String path) throws IOException {
        if (!Files.isRegularFile(Path.of(jar))) {
            return null;
        }
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry e = zip.getEntry(path);
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static List<String> read(Path f) throws IOException {
        return split(Files.readString(f, StandardCharsets.UTF_8));
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** pprof's trimPath: strips configured prefixes (or, with none, a guessed one) and /proc/self/cwd. */
    static String trimPath(String path, String trimPath, String searchPath) {
        if (trimPath.isEmpty()) {
            for (String dir : searchPath.split(":")) {
                String want = "/" + Labels.baseName(dir) + "/";
                int found = path.indexOf(want);
                if (found != -1) {
                    return path.substring(found + want.length());
                }
            }
        }
        List<String> prefixes = new ArrayList<>();
        if (!trimPath.isEmpty()) {
            prefixes.addAll(List.of(trimPath.split(":")));
        }
        prefixes.add("/proc/self/cwd/./");
        prefixes.add("/proc/self/cwd/");
        for (String prefix : prefixes) {
            String p = prefix.endsWith("/") ? prefix : prefix + "/";
            if (path.startsWith(p)) {
                return path.substring(p.length());
            }
        }
        return path;
    }

    /** Go's filepath.Clean for '/'-separated paths. */
    static String cleanPath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                    continue;
                }
                if (rooted) {
                    continue;
                }
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
