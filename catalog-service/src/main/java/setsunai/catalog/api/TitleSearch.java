package setsunai.catalog.api;

import java.util.List;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/** A validated title search: every list is empty rather than null, and every value is known to be well-formed. */
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
        TitleSort sort,
        boolean descending) {
}
