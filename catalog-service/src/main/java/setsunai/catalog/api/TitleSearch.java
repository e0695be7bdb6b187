package setsunai.catalog.api;

import java.util.List;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/**
 * A validated title search: every list is empty rather than null, and every value is known to be well-formed.
 * {@code ids} are normalised title ids: {@code provider:number} (mal:23273) or {@code slug:<slug>}.
 */
public record TitleSearch(
        String q,
        List<Format> formats,
        List<String> tags,
        List<String> anyTags,
        List<String> excludeTags,
        List<Ending> endings,
        String studio,
        List<String> streaming,
        Integer yearFrom,
        Integer yearTo,
        Integer minTearjerker,
        List<String> slugs,
        List<String> ids,
        TitleSort sort,
        boolean descending) {
}
