package setsunai.songs.api;

/** What an artist did on a song. */
public enum ArtistRole { PERFORMER, COMPOSER, LYRICIST, ARRANGER }
