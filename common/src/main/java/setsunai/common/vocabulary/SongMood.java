package setsunai.common.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a song feels like (named "Mood" in the songs API; the gateway's moods are a different thing). */
@Schema(name = "Mood")
public enum SongMood { BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE }
