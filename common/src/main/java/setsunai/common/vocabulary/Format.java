package setsunai.common.vocabulary;

/** How a title was released. */
public enum Format { MOVIE, TV, OVA, ONA, SPECIAL }
