package setsunai.songs.api;

/** Orders of a song list; relevance only means something with a search text, and falls back to title. */
public enum SongSort { RELEVANCE, TITLE, YEAR }
