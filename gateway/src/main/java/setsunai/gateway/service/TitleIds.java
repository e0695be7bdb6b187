package setsunai.gateway.service;

import java.util.List;

/**
 * How a caller names a title to the gateway: its slug ({@code anohana}, also {@code slug:anohana}) or a provider id
 * ({@code mal:9989}), in common's forms (vocabulary.TitleIds, which catalog-service's {@code GET /api/titles?id=}
 * reads); a bare slug is allowed here too. Checked here so that a malformed value never reaches the catalogue.
 */
public final class TitleIds {

    /** The providers whose ids the catalogue keeps in a title's externalIds and looks titles up by. */
    public static final List<String> PROVIDERS = setsunai.common.vocabulary.TitleIds.PROVIDERS;

    private TitleIds() {
    }

    /** A slug as it is ({@code slug:} dropped), a provider id as {@code provider:number}; null if neither. */
    public static String normalize(String value) {
        if (value.indexOf(':') < 0) {
            return setsunai.common.vocabulary.TitleIds.isSlug(value) ? value : null;
        }
        String normalized = setsunai.common.vocabulary.TitleIds.normalize(value);
        return normalized != null && normalized.startsWith(SLUG_ID) ? normalized.substring(SLUG_ID.length()) : normalized;
    }

    /** Whether a normalised value is a provider id (a slug has no colon). */
    public static boolean isProviderId(String normalized) {
        return normalized.indexOf(':') > 0;
    }

    /** A normalised value as the catalogue's id lookup takes it, and gives it back in notFound. */
    static String lookupId(String normalized) {
        return isProviderId(normalized) ? normalized : SLUG_ID + normalized;
    }

    /** How the catalogue's id lookup names a slug. */
    private static final String SLUG_ID = setsunai.common.vocabulary.TitleIds.SLUG_PREFIX;
}
