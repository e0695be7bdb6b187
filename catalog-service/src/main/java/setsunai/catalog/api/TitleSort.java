package setsunai.catalog.api;

/** Orders for title lists; a `-` in front of the parameter value reverses them. */
public enum TitleSort {
    /** Best match first; needs `q` (without it, lists fall back to TITLE). */
    RELEVANCE,
    TITLE,
    YEAR,
    TEARJERKER
}
