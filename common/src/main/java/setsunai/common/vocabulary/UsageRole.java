package setsunai.common.vocabulary;

/** Where a song plays in a title: opening, ending, insert song, a film's theme song, or its original score. */
public enum UsageRole { OPENING, ENDING, INSERT, THEME, SCORE }
