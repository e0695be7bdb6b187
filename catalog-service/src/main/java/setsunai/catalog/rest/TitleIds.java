package setsunai.catalog.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import setsunai.common.web.QueryParams;

/**
 * The {@code id} parameter of GET /api/titles: a provider id ({@code mal:23273}; the provider in any case, leading
 * zeros dropped) or a slug ({@code slug:anohana}), normalised to {@code provider:number} / {@code slug:<slug>}, the
 * keys store.SearchTitles and V7's external_id_keys() compare. The gateway reads the same forms (service.TitleIds).
 */
final class TitleIds {

    /** The providers whose numeric ids titles keep in externalIds. */
    static final List<String> PROVIDERS = List.of("mal", "anilist", "anidb", "kitsu", "bangumi");
    static final String FORMS = String.join(", ", PROVIDERS.stream().map(p -> p + ":<digits>").toList())
            + " (the provider in any case, e.g. mal:23273) or slug:<title slug> (e.g. slug:your-lie-in-april)";

    private static final Pattern ID = Pattern.compile("^([A-Za-z]+):(.*)$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,12}$");
    /** As TitleInput.slug: kebab-case, at most 120 characters. */
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int SLUG_MAX = 120;
    /** Malformed values named in one 400, so that 100 bad values do not make a 100-line answer. */
    private static final int ERRORS_SHOWN = 3;

    private TitleIds() {
    }

    /** The ids normalised, in the order given, each once; a malformed one is an error naming {@code id}. */
    static List<String> parse(QueryParams params, List<String> raw, int max) {
        List<String> values = params.strings("id", raw, max);
        Set<String> clean = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String value : values) {
            String normalized = normalize(value);
            if (normalized == null) {
                bad.add(value);
            } else {
                clean.add(normalized);
            }
        }
        if (!bad.isEmpty()) {
            params.error("id", String.join(", ", bad.stream().limit(ERRORS_SHOWN).map(TitleIds::shown).toList())
                    + (bad.size() > ERRORS_SHOWN ? " and " + (bad.size() - ERRORS_SHOWN) + " more" : "")
                    + (bad.size() == 1 ? " is not a title id" : " are not title ids") + "; accepted: " + FORMS);
        }
        return List.copyOf(clean);
    }

    /** {@code provider:number} or {@code slug:<slug>}; null when the value is neither. */
    static String normalize(String value) {
        Matcher id = ID.matcher(value);
        if (!id.matches()) {
            return null;
        }
        String kind = id.group(1).toLowerCase(Locale.ROOT);
        String rest = id.group(2);
        if (kind.equals("slug")) {
            return rest.length() <= SLUG_MAX && SLUG.matcher(rest).matches() ? "slug:" + rest : null;
        }
        if (PROVIDERS.contains(kind) && DIGITS.matcher(rest).matches()) {
            return kind + ":" + Long.parseLong(rest);
        }
        return null;
    }

    private static String shown(String value) {
        return "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'";
    }
}
