package setsunai.catalog.api;

/** The season a title first aired or was released in. */
public enum Season { WINTER, SPRING, SUMMER, FALL }
