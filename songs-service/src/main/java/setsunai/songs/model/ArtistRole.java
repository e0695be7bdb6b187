package setsunai.songs.model;

/** What an artist did on a song. */
public enum ArtistRole { PERFORMER, COMPOSER, LYRICIST, ARRANGER }
