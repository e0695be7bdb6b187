package setsunai.catalog.model;

/** How a title was released. */
public enum Format { MOVIE, TV, OVA, ONA, SPECIAL }
