package setsunai.songs.api;

/** What a song feels like. */
public enum Mood { BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE }
