package profcon.agent.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A JFR method filter (JDK 25, JEP 520) checked before it reaches JFR: {@code com.acme.Cart} (every
 * method of the class), {@code com.acme.Cart::checkout}, {@code @jakarta.ws.rs.GET} (methods or
 * classes carrying the annotation), several joined with {@code ;} (or {@code ,}, which no name holds and which a
 * {@code -c} command list does not split on). The syntax is the JDK's
 * ({@code jdk.jfr.internal.tracing.Filter}); {@code ::method} alone (that name in every class) is
 * refused here because no bound on what it instruments can be checked.
 */
public record MethodFilter(List<Part> parts) {
    /** One filter: exactly one of a class (with or without a method) and an annotation is set. */
    public record Part(String className, String methodName, String annotation) {
        @Override
        public String toString() {
            if (annotation != null) {
                return "@" + annotation;
            }
            return methodName == null ? className : className + "::" + methodName;
        }
    }

    public MethodFilter {
        parts = List.copyOf(parts);
    }

    /** The filter in {@code text}; IllegalArgumentException naming the part that is not one. */
    public static MethodFilter parse(String text) {
        List<Part> parts = new ArrayList<>();
        for (String word : text.split("[;,]", -1)) {
            parts.add(part(word.strip()));
        }
        return new MethodFilter(parts);
    }

    private static Part part(String word) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException("empty method filter: name a class (com.acme.Cart), a method "
                    + "(com.acme.Cart::checkout) or an annotation (@jakarta.ws.rs.GET), several joined with ';'");
        }
        if (word.contains("*")) {
            throw new IllegalArgumentException("'" + word + "': JFR method filters take no wildcards (a whole package "
                    + "would instrument every call in it); name a class, a Class::method or an @Annotation");
        }
        if (word.startsWith("@") && isClassName(word.substring(1))) {
            return new Part(null, null, word.substring(1));
        }
        int colons = word.indexOf("::");
        if (colons == 0) {
            throw new IllegalArgumentException("'" + word + "' names that method in every class: name its class too "
                    + "(com.acme.Cart" + word + ")");
        }
        if (colons > 0 && isClassName(word.substring(0, colons)) && isMethodName(word.substring(colons + 2))) {
            return new Part(word.substring(0, colons), word.substring(colons + 2), null);
        }
        if (colons < 0 && isClassName(word)) {
            return new Part(word, null, null);
        }
        throw new IllegalArgumentException("'" + word + "' is not a method filter: expected com.acme.Cart, "
                + "com.acme.Cart::checkout or @jakarta.ws.rs.GET");
    }

    /** A binary class name: Java identifiers joined by dots ({@code $} is an identifier character). */
    static boolean isClassName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String id : s.split("\\.", -1)) {
            if (!isIdentifier(id)) {
                return false;
            }
        }
        return true;
    }

    static boolean isMethodName(String s) {
        return s.equals("<init>") || s.equals("<clinit>") || isIdentifier(s);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    /** The filter as JFR's {@code filter} setting reads it. */
    @Override
    public String toString() {
        return String.join(";", parts.stream().map(Part::toString).toList());
    }
}
