package setsunai.gateway.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a caller names a title: its slug ({@code anohana}, also {@code slug:anohana}) or a provider id
 * ({@code mal:9989}; the provider in any case, leading zeros dropped), the forms catalog-service's
 * {@code GET /api/titles?id=} reads (its rest.TitleIds). Checked here so that a malformed value never reaches it.
 */
public final class TitleIds {

    /** The providers whose ids the catalogue keeps in a title's externalIds and looks titles up by. */
    public static final List<String> PROVIDERS = List.of("mal", "anilist", "anidb", "kitsu", "bangumi");
    /** How the catalogue's id lookup names a slug. */
    static final String SLUG_ID = "slug:";
    /** As catalog-service's TitleInput.slug (rest.Slugs.PATTERN, at most 120 characters). */
    static final int SLUG_MAX = 120;

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,12}$");

    private TitleIds() {
    }

    /** A slug as it is ({@code slug:} dropped), a provider id as {@code provider:number}; null if neither. */
    public static String normalize(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return isSlug(value) ? value : null;
        }
        String kind = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 1);
        if (kind.equals("slug")) {
            return isSlug(rest) ? rest : null;
        }
        return PROVIDERS.contains(kind) && DIGITS.matcher(rest).matches() ? kind + ":" + Long.parseLong(rest) : null;
    }

    /** Whether a normalised value is a provider id (a slug has no colon). */
    public static boolean isProviderId(String normalized) {
        return normalized.indexOf(':') > 0;
    }

    /** A normalised value as the catalogue's id lookup takes it, and gives it back in notFound. */
    static String lookupId(String normalized) {
        return isProviderId(normalized) ? normalized : SLUG_ID + normalized;
    }

    private static boolean isSlug(String value) {
        return !value.isEmpty() && value.length() <= SLUG_MAX && SLUG.matcher(value).matches();
    }
}
