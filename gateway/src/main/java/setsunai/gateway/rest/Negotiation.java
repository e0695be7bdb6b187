package setsunai.gateway.rest;

import java.util.List;
import java.util.Locale;

/**
 * Which of the media types an endpoint offers the {@code Accept} header prefers (RFC 9110, 12.5.1): each offered type
 * takes the quality of the most specific range that matches it ({@code type/subtype} over {@code type/*} over
 * {@code * /*}); the highest quality above 0 wins, a tie goes to the first offered (the default). No header, or one in
 * which no range can be read, accepts anything. Done here rather than by JAX-RS so that a 406 can name the types
 * this endpoint offers.
 */
final class Negotiation {

    private Negotiation() {
    }

    /** The offered type to answer with; null when the header accepts none of them (a 406). */
    static String choose(String accept, List<String> offered) {
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty()) {
            return offered.get(0);
        }
        String best = null;
        double bestQ = 0;
        for (String type : offered) {
            double q = quality(type, ranges);
            if (q > bestQ) {
                best = type;
                bestQ = q;
            }
        }
        return best;
    }

    private record Range(String type, String subtype, double q) {

        /** 3 for an exact match, 2 for type/*, 1 for * /*, 0 for none. */
        int specificity(String offeredType, String offeredSubtype) {
            if (type.equals("*")) {
                return subtype.equals("*") ? 1 : 0;
            }
            if (!type.equals(offeredType)) {
                return 0;
            }
            return subtype.equals("*") ? 2 : subtype.equals(offeredSubtype) ? 3 : 0;
        }
    }

    private static double quality(String offered, List<Range> ranges) {
        String[] parts = offered.split("/", 2);
        int bestSpecificity = 0;
        double q = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(parts[0], parts[1]);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = range.q();
            }
        }
        return q;
    }

    /** The ranges that can be read; the others (no '/', a bad q) are skipped, as if absent. */
    private static List<Range> parse(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(accept.split(","))
                .map(Negotiation::range)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Range range(String text) {
        String[] params = text.split(";");
        String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
        if (type.length != 2 || !token(type[0]) || !token(type[1]) || type[0].equals("*") && !type[1].equals("*")) {
            return null;
        }
        double q = 1;
        for (int i = 1; i < params.length; i++) {
            String[] param = params[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("q")) {
                try {
                    q = Double.parseDouble(param[1].trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (!(q >= 0 && q <= 1)) {
                    return null;
                }
            }
        }
        return new Range(type[0], type[1], q);
    }

    /** RFC 9110 token characters, so that odd bytes never match anything. */
    private static boolean token(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 127 && c > 32 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }
}
