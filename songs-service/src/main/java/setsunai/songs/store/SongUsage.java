package setsunai.songs.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import setsunai.common.vocabulary.UsageRole;

/** Where a song plays: a catalogue title (by slug), in which role, which episodes. */
@Entity
@Table(name = "song_usage")
public class SongUsage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "song_id")
    public Song song;

    @Column(name = "title_slug", nullable = false)
    public String titleSlug;

    @Column(name = "title_name")
    public String titleName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UsageRole role;

    public Integer sequence;

    public String episodes;

    public String note;

    @Column(nullable = false)
    public int position;
}
