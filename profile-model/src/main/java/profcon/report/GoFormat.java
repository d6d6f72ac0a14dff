package profcon.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting that rounds exactly as Go's fmt verbs %.Nf and %.Ng do. */
public final class GoFormat {
    private GoFormat() {
    }

    /** Go's {@code %.<digits>f}: the exact binary value rounded half-even, as strconv does. */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "+Inf" : "-Inf");
        }
        String fast = fastFixed(value, digits);
        if (fast != null) {
            return fast;
        }
        String s = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Go keeps the sign of negative values that round to zero ("-0.00").
        if (value < 0 && !s.startsWith("-")) {
            s = "-" + s;
        }
        return s;
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000};

    /**
     * The same result without BigDecimal when the value is clearly not on a rounding tie (the
     * common case); null when the exact path is needed.
     */
    private static String fastFixed(double value, int digits) {
        if (digits >= POW10.length || Math.abs(value) >= 1e12) {
            return null;
        }
        double scaled = Math.abs(value) * POW10[digits];
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < 1e-6) {
            return null;
        }
        long r = (long) floor + (frac > 0.5 ? 1 : 0);
        StringBuilder b = new StringBuilder(24);
        if (value < 0) {
            b.append('-');
        }
        b.append(r / POW10[digits]);
        if (digits > 0) {
            String f = Long.toString(r % POW10[digits]);
            b.append('.').append("0".repeat(digits - f.length())).append(f);
        }
        return b.toString();
    }

    /** Go's {@code %.<precision>g}: shortest of plain and exponent form, trailing zeros removed. */
    public static String general(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            return exponentForm(rounded, exponent);
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain;
    }

    private static String exponentForm(BigDecimal rounded, int exponent) {
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String sign = exponent < 0 ? "-" : "+";
        int abs = Math.abs(exponent);
        return mantissa.toPlainString() + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }

    /** Right-aligns {@code s} in {@code width} columns, like Go's {@code %<width>s}. */
    public static String padLeft(String s, int width) {
        int n = s.codePointCount(0, s.length());
        return n >= width ? s : " ".repeat(width - n) + s;
    }

    /** Left-aligns {@code s} in {@code width} columns, like Go's {@code %-<width>s}. */
    public static String padRight(String s, int width) {
        int n = s.codePointCount(0, s.length());
        return n >= width ? s : s + " ".repeat(width - n);
    }
}
