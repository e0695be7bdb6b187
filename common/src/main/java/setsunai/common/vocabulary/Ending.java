package setsunai.common.vocabulary;

/** How the love story ends: the facet recommendations care most about. */
public enum Ending { TRAGIC, BITTERSWEET, OPEN, HOPEFUL }
