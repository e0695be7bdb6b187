package setsunai.catalog.api;

/** What a title was adapted from. */
public enum Source { MANGA, LIGHT_NOVEL, NOVEL, VISUAL_NOVEL, GAME, ORIGINAL, WEB_NOVEL, OTHER }
