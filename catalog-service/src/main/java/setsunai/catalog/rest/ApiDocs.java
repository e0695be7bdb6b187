package setsunai.catalog.rest;

/** Texts shared by the OpenAPI annotations of the resources. */
final class ApiDocs {

    private ApiDocs() {
    }

    static final String PROBLEM = "application/problem+json";
    static final String BAD_REQUEST = "Invalid parameter or body: `errors` names each field and says how to fix it "
            + "(unknown enum values list the allowed ones).";
    static final String NOT_FOUND = "No title has this slug.";
    static final String UNAUTHORIZED = "No bearer token, or an invalid one (expired, wrong signature, other issuer).";
    static final String FORBIDDEN = "The token lacks the `editor` role in its groups claim.";
    static final String NOT_MODIFIED = "The ETag sent in If-None-Match still matches; no body.";
    static final String PAGE = "1-based page number.";
    static final String SIZE = "Page size, 1 to 100.";
    /** QueryParams.page: the largest page whose offset still fits an int. */
    static final String MAX_PAGE = "21474836";
    static final String BAD_REQUEST_EXAMPLE = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"format: unknown value 'FILM'; allowed values: MOVIE, TV, OVA, ONA, SPECIAL",
             "instance":"/api/titles",
             "errors":[{"field":"format","message":"unknown value 'FILM'; allowed values: MOVIE, TV, OVA, ONA, SPECIAL"}]}""";
    static final String BAD_ID_EXAMPLE = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"id: 'imdb:0108778' is not a title id; accepted: mal:<digits>, anilist:<digits>, anidb:<digits>, \
            kitsu:<digits>, bangumi:<digits> (the provider in any case, e.g. mal:23273) or slug:<title slug> \
            (e.g. slug:your-lie-in-april)",
             "instance":"/api/titles",
             "errors":[{"field":"id","message":"'imdb:0108778' is not a title id; accepted: mal:<digits>, \
            anilist:<digits>, anidb:<digits>, kitsu:<digits>, bangumi:<digits> (the provider in any case, e.g. \
            mal:23273) or slug:<title slug> (e.g. slug:your-lie-in-april)"}]}""";
}
