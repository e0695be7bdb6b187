package setsunai.catalog.rest;

import java.util.List;
import setsunai.common.vocabulary.TitleIds;
import setsunai.common.web.QueryParams;

/**
 * The {@code id} parameter of GET /api/titles: a provider id ({@code mal:23273}; the provider in any case, leading
 * zeros dropped) or a slug ({@code slug:anohana}), normalised to {@code provider:number} / {@code slug:<slug>} (common's
 * vocabulary.TitleIds, which the gateway reads them by too), the keys store.SearchTitles and V7's external_id_keys()
 * compare.
 */
final class IdParameter {

    static final String FORMS = String.join(", ", TitleIds.PROVIDERS.stream()
            .map(p -> p + ":<digits>").toList())
            + " (the provider in any case, e.g. mal:23273) or slug:<title slug> (e.g. slug:your-lie-in-april)";

    private IdParameter() {
    }

    /** The ids normalised, in the order given, each once; a malformed one is an error naming {@code id}. */
    static List<String> parse(QueryParams params, List<String> raw, int max) {
        return params.normalized("id", raw, max, TitleIds::normalize,
                " is not a title id; accepted: " + FORMS, " are not title ids; accepted: " + FORMS);
    }
}
