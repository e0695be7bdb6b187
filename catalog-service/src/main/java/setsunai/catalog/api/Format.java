package setsunai.catalog.api;

/** How a title was released. */
public enum Format { MOVIE, TV, OVA, ONA, SPECIAL }
