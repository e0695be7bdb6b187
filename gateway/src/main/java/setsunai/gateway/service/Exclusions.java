package setsunai.gateway.service;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import setsunai.common.web.QueryParams;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.TitleLookup;

/**
 * The titles a caller has already seen ({@code exclude}): slugs ({@code anohana}) or provider ids ({@code mal:9989},
 * {@code anilist:9989}, …; see {@link TitleIds}). {@link #resolve} asks the catalogue's id lookup which titles they
 * name (one call per 100 values, in parallel with the answer's primary call; each value's answer kept 10 s, so only
 * values not asked about a moment ago cost a call), so a provider id excludes its title by
 * slug wherever a title is known only by its slug, and {@link #unmatched} is what the catalogue does not know. When
 * that lookup fails, provider ids are still matched against the {@code externalIds} of the titles an answer is drawn
 * from (exact for exclusion: a title that is not among them cannot appear anyway), {@link #unmatched} says which values
 * matched none of those titles, and {@link #degraded} names the failure.
 *
 * @param resolvedSlugs the slugs of the titles the values name, once resolved; null before, or when the lookup failed
 * @param unknown the values the catalogue knows no title by, in the order given; null unless resolved
 * @param failure why the lookup failed; null otherwise
 */
public record Exclusions(Set<String> values, Set<String> resolvedSlugs, List<String> unknown, Degradation failure) {

    /** At most this many values, so that one request cannot make the gateway compare without bound. */
    public static final int MAX = 500;
    /** The providers whose ids the catalogue keeps in a title's externalIds. */
    public static final List<String> PROVIDERS = TitleIds.PROVIDERS;

    public static final Exclusions NONE = new Exclusions(Set.of());

    /** A provider id as the catalogue keeps it; compiled once, as every candidate's ids are read on every request. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");


    /** Values as parsed, not yet resolved through the catalogue. */
    public Exclusions(Set<String> values) {
        this(values, null, null, null);
    }

    /** Checks every value (a malformed one is an error naming {@code exclude} and the value) and normalizes them. */
    public static Exclusions parse(QueryParams params, List<String> raw) {
        String neither = " neither a title slug (lower-case words joined by '-', e.g. anohana) nor a provider id "
                + "(mal:9989, anilist:9989; providers: " + String.join(", ", PROVIDERS) + ")";
        List<String> clean = params.normalized("exclude", raw, MAX, TitleIds::normalize, " is" + neither, " are" + neither);
        return new Exclusions(Collections.unmodifiableSet(new LinkedHashSet<>(clean)));
    }

    /** A slug as it is, a provider id as {@code provider:number} (lower-case provider, no leading zeros); null if neither. */
    static String normalize(String value) {
        return TitleIds.normalize(value);
    }

    /**
     * These values with what the catalogue says of them: the titles they name and the values naming none. No call
     * when there are none, nor for values the catalogue was asked about a moment ago ({@link CatalogSource#slugsNamed}).
     * A failed lookup leaves them unresolved, with the failure named.
     */
    public Uni<Exclusions> resolve(CatalogSource catalog) {
        if (isEmpty()) {
            return Uni.createFrom().item(this);
        }
        return catalog.slugsNamed(values.stream().map(TitleIds::lookupId).toList()).map(this::resolvedBy);
    }

    /** The values resolved by what each names (its lookup id to the slugs of its titles; none: unknown). */
    Exclusions resolvedBy(Fetched<Map<String, Set<String>>> named) {
        if (named.failed()) {
            return new Exclusions(values, null, null, named.failure());
        }
        Set<String> slugs = new HashSet<>();
        List<String> unknownValues = new ArrayList<>();
        for (String value : values) {
            Set<String> its = named.value().getOrDefault(TitleIds.lookupId(value), Set.of());
            if (its.isEmpty()) {
                unknownValues.add(value);
            }
            slugs.addAll(its);
        }
        return new Exclusions(values, Collections.unmodifiableSet(slugs), List.copyOf(unknownValues), null);
    }

    /**
     * Which of the lookup's titles each id asked names: {@code slug:x} the title with that slug, {@code provider:n}
     * those whose externalIds carry it; none for an id in {@code notFound} (or one no title it sent carries).
     */
    static Map<String, Set<String>> slugsNamed(List<String> ids, TitleLookup lookup) {
        Map<String, Set<String>> byId = new HashMap<>();
        ids.forEach(id -> byId.put(id, new HashSet<>()));
        Set<String> notFound = new HashSet<>(lookup.notFound() == null ? List.of() : lookup.notFound());
        for (CatalogTitle title : lookup.itemsOrEmpty()) {
            if (title.slug() == null) {
                continue;
            }
            List<String> names = new ArrayList<>(idsOf(title));
            names.add(TitleIds.lookupId(title.slug()));
            for (String id : names) {
                Set<String> slugs = byId.get(id);
                if (slugs != null && !notFound.contains(id)) {
                    slugs.add(title.slug());
                }
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        byId.forEach((id, slugs) -> out.put(id, Set.copyOf(slugs)));
        return out;
    }

    /** Whether the catalogue said which titles the values name (so no title's externalIds are needed). */
    public boolean resolved() {
        return resolvedSlugs != null;
    }

    /** Provider ids that only the titles' externalIds can resolve, since the catalogue's lookup did not. */
    public boolean needsTitleIds() {
        return !resolved() && hasProviderIds();
    }

    /** The id lookup's failure, for the answer's {@code degraded}; empty when it worked or was not needed. */
    public List<Degradation> degraded() {
        return failure == null ? List.of() : List.of(failure);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean hasProviderIds() {
        return values.stream().anyMatch(v -> v.indexOf(':') > 0);
    }

    /** Whether the title is one of the excluded: by its slug or by one of its provider ids. */
    public boolean excludes(CatalogTitle title) {
        return !isEmpty() && (excludesSlug(title.slug()) || idsOf(title).stream().anyMatch(values::contains));
    }

    /** Whether a title known only by its slug (a song's usage) is excluded: by slug, or by an id the catalogue resolved. */
    public boolean excludesSlug(String slug) {
        return values.contains(slug) || resolved() && resolvedSlugs.contains(slug);
    }

    /**
     * The values that name no title, in the order given: ignored, and reported to the caller. Once resolved, those the
     * catalogue does not know; otherwise those that matched none of {@code titles} (such a value names no title, or
     * one that is not among these: one that does not fit the mood or the filters).
     */
    public List<String> unmatched(Collection<CatalogTitle> titles) {
        return unmatched(titles, List.of());
    }

    /** As {@link #unmatched(Collection)}, counting titles known only by their slug (songs' usages) too. */
    public List<String> unmatched(Collection<CatalogTitle> titles, Collection<String> slugs) {
        if (isEmpty()) {
            return List.of();
        }
        if (resolved()) {
            return unknown;
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
            if (digits != null && DIGITS.matcher(digits).matches()) {
                out.add(provider + ":" + Long.parseLong(digits));
            }
        }
        return out;
    }

}
