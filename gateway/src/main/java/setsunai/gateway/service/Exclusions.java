package setsunai.gateway.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import setsunai.common.web.QueryParams;
import setsunai.gateway.client.CatalogTitle;

/**
 * The titles a caller has already seen ({@code exclude}): slugs ({@code anohana}) or provider ids ({@code mal:9989},
 * {@code anilist:9989}), matched against the titles an answer is drawn from. The catalogue has no lookup by provider
 * id yet (issue 14 item 4), so a provider id is resolved through the {@code externalIds} of those titles: exact for
 * exclusion, since a title that is not among them cannot appear anyway.
 */
public record Exclusions(Set<String> values) {

    /** At most this many values, so that one request cannot make the gateway compare without bound. */
    public static final int MAX = 500;
    /** The providers whose ids the catalogue keeps in a title's externalIds. */
    public static final List<String> PROVIDERS = List.of("anilist", "mal");

    public static final Exclusions NONE = new Exclusions(Set.of());

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int SLUG_MAX = 120;
    private static final Pattern PROVIDER_ID = Pattern.compile("^([a-z]+):([0-9]{1,12})$");
    /** Malformed values named in one 400, so that 500 bad values do not make a 500-line answer. */
    private static final int ERRORS_SHOWN = 3;

    /** Checks every value (a malformed one is an error naming {@code exclude} and the value) and normalizes them. */
    public static Exclusions parse(QueryParams params, List<String> raw) {
        List<String> values = params.strings("exclude", raw, MAX);
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
            params.error("exclude", String.join(", ", bad.stream().limit(ERRORS_SHOWN).map(Exclusions::shown).toList())
                    + (bad.size() > ERRORS_SHOWN ? " and " + (bad.size() - ERRORS_SHOWN) + " more" : "")
                    + (bad.size() == 1 ? " is" : " are") + " neither a title slug (lower-case words joined by '-', "
                    + "e.g. anohana) nor a provider id (mal:9989, anilist:9989; providers: "
                    + String.join(", ", PROVIDERS) + ")");
        }
        return new Exclusions(Collections.unmodifiableSet(clean));
    }

    /** A slug as it is, a provider id as {@code provider:number} (lower-case provider, no leading zeros); null if neither. */
    static String normalize(String value) {
        if (value.length() <= SLUG_MAX && SLUG.matcher(value).matches()) {
            return value;
        }
        Matcher id = PROVIDER_ID.matcher(value.toLowerCase(Locale.ROOT));
        if (id.matches() && PROVIDERS.contains(id.group(1))) {
            return id.group(1) + ":" + Long.parseLong(id.group(2));
        }
        return null;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean hasProviderIds() {
        return values.stream().anyMatch(v -> v.indexOf(':') > 0);
    }

    /** Whether the title is one of the excluded: by its slug or by one of its provider ids. */
    public boolean excludes(CatalogTitle title) {
        return !isEmpty() && (values.contains(title.slug()) || idsOf(title).stream().anyMatch(values::contains));
    }

    /** Whether a title known only by its slug (a song's usage) is excluded by slug. */
    public boolean excludesSlug(String slug) {
        return values.contains(slug);
    }

    /**
     * The values that matched none of {@code titles}, in the order given: ignored, and reported to the caller. Such a
     * value names no title, or a title that is not among these (one that does not fit the mood or the filters).
     */
    public List<String> unmatched(Collection<CatalogTitle> titles) {
        return unmatched(titles, List.of());
    }

    /** As {@link #unmatched(Collection)}, counting titles known only by their slug (songs' usages) too. */
    public List<String> unmatched(Collection<CatalogTitle> titles, Collection<String> slugs) {
        if (isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>(slugs);
        for (CatalogTitle title : titles) {
            known.add(title.slug());
            known.addAll(idsOf(title));
        }
        return values.stream().filter(v -> !known.contains(v)).toList();
    }

    /** {@code provider:number} for each provider id the title carries. */
    static List<String> idsOf(CatalogTitle title) {
        Map<String, Object> ids = title.externalIds();
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String provider : PROVIDERS) {
            Object id = ids.get(provider);
            String digits = id instanceof Number n ? Long.toString(n.longValue()) : id == null ? null : id.toString().trim();
            if (digits != null && digits.matches("[0-9]{1,12}")) {
                out.add(provider + ":" + Long.parseLong(digits));
            }
        }
        return out;
    }

    private static String shown(String value) {
        return "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'";
    }
}
