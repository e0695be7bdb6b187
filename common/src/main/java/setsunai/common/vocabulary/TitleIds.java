package setsunai.common.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a caller names a title, in every service: a slug ({@code slug:anohana}) or a provider id ({@code mal:23273};
 * the provider in any case, leading zeros dropped). catalog-service's {@code GET /api/titles?id=} reads these forms
 * and its V7 {@code external_id_keys()} stores the same keys; the gateway checks them before it asks.
 */
public final class TitleIds {

    /** The providers whose numeric ids titles keep in externalIds and are looked up by. */
    public static final List<String> PROVIDERS = List.of("mal", "anilist", "anidb", "kitsu", "bangumi");
    /** A title slug: kebab-case, at most this long (catalog-service's TitleInput.slug). */
    public static final int SLUG_MAX = 120;
    public static final String SLUG_PREFIX = "slug:";

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,12}$");

    private TitleIds() {
    }

    /** {@code provider:number} or {@code slug:<slug>} for a prefixed value; null when it is neither. */
    public static String normalize(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String kind = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 1);
        if (kind.equals("slug")) {
            return isSlug(rest) ? SLUG_PREFIX + rest : null;
        }
        return PROVIDERS.contains(kind) && DIGITS.matcher(rest).matches() ? kind + ":" + Long.parseLong(rest) : null;
    }

    public static boolean isSlug(String value) {
        return !value.isEmpty() && value.length() <= SLUG_MAX && SLUG.matcher(value).matches();
    }
}
