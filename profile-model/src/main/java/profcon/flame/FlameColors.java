package profcon.flame;

import java.util.Locale;

/** Frame colours: warm hues stable per package for a profile, red for growth and blue for shrinkage in a diff. */
public final class FlameColors {
    /** The colour of the root and of frames with no package to hash. */
    public static final String NEUTRAL = "#c8c8c8";

    private FlameColors() {
    }

    /** A warm colour that depends only on the frame's package, so a package keeps its colour across profiles. */
    public static String forPackage(String frameName) {
        String pkg = packageOf(frameName);
        if (pkg.isEmpty()) {
            return NEUTRAL;
        }
        int h = mix(pkg.hashCode());
        // Flame palette: red through yellow, with enough spread in lightness to tell neighbours apart.
        double hue = (h & 0xff) / 255.0 * 50;
        double saturation = 0.70 + ((h >>> 8) & 0xff) / 255.0 * 0.25;
        double lightness = 0.55 + ((h >>> 16) & 0xff) / 255.0 * 0.17;
        return hsl(hue, saturation, lightness);
    }

    /**
     * The colour of a frame in a diff: {@code delta} is the net change through it and {@code width}
     * the sum of what it had in both profiles, so delta/width runs from -1 (gone) to +1 (new).
     * Growth is red, shrinkage blue, no change near white; the stronger the change, the deeper.
     */
    public static String forDelta(long delta, long width) {
        double share = width == 0 ? 0 : Math.max(-1, Math.min(1, (double) delta / width));
        double strength = Math.sqrt(Math.abs(share));
        double lightness = 0.95 - 0.37 * strength;
        return hsl(share >= 0 ? 0 : 215, 0.85, lightness);
    }

    /**
     * The package of a frame name: for Java {@code profcon.demo.Demo$Counter.increment} it is
     * {@code profcon.demo}; for Go {@code net/http.(*Server).Serve} it is {@code net/http}; for a
     * name with no dot (or {@code <unknown>}, {@code [libjvm.so]}) it is the name itself.
     */
    static String packageOf(String name) {
        if (name.isEmpty() || name.equals(FlameTree.ROOT)) {
            return "";
        }
        if (name.startsWith("[") || name.startsWith("<")) {
            return name;
        }
        int paren = name.indexOf('(');
        String n = paren > 0 ? name.substring(0, paren) : name;
        int slash = n.lastIndexOf('/');
        int dot = n.indexOf('.', slash + 1);
        if (slash >= 0) {
            return dot > 0 ? n.substring(0, dot) : n;
        }
        String[] parts = n.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !startsUpper(parts[i]); i++) {
            pkg.append(i == 0 ? "" : ".").append(parts[i]);
        }
        // No lower-case prefix: a class in the default package, or a name that is all one segment.
        return pkg.length() > 0 ? pkg.toString() : parts[0];
    }

    private static boolean startsUpper(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    /** Murmur3's finaliser: String.hashCode alone puts similar names on similar hues. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    static String hsl(double hue, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = l - c / 2;
        double[] rgb = switch ((int) (hue / 60) % 6) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        double r = rgb[0], g = rgb[1], b = rgb[2];
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r + m), channel(g + m), channel(b + m));
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
