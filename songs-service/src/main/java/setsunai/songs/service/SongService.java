package setsunai.songs.service;

import static setsunai.common.web.Text.blankToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.common.web.Preconditions;
import setsunai.common.vocabulary.SongMood;
import setsunai.songs.api.SongInput;
import setsunai.songs.api.SongView;
import setsunai.songs.store.Artist;
import setsunai.songs.store.ArtistRepository;
import setsunai.songs.store.Song;
import setsunai.songs.store.SongArtist;
import setsunai.songs.store.SongCriteria;
import setsunai.songs.store.SongQueries;
import setsunai.songs.store.SongRepository;
import setsunai.songs.store.SongUsage;

/** Reading and writing songs; every write is one transaction. The NDJSON import is {@link SongImporter}. */
@ApplicationScoped
public class SongService {

    @Inject
    SongRepository songs;

    @Inject
    SongQueries queries;

    @Inject
    ArtistRepository artists;

    // Reads need no transaction and no entities: plain rows (songs, credits, usages) mapped to the API records.
    public SongView get(String slug) {
        return queries.findBySlug(slug).map(SongMapper::toView)
                .orElseThrow(() -> ProblemException.notFound(notFound(slug)));
    }

    public Page<SongView> list(SongCriteria criteria, PageRequest page) {
        var matches = queries.search(criteria, page.offset(), page.size());
        return Page.of(SongMapper.toViews(matches.rows()), page, matches.total());
    }

    /** 409 if the slug is taken. */
    @Transactional
    public SongView create(SongInput input) {
        // A concurrent POST or import of this slug waits here, then sees that it exists: a 409, never a 500.
        songs.getEntityManager().unwrap(Session.class)
                .doWork(connection -> queries.lockSlugs(connection, List.of(input.slug())));
        if (songs.findBySlug(input.slug()).isPresent()) {
            throw conflict(input.slug());
        }
        Song song = newSong(input);
        songs.persist(song);
        flush(song);
        return SongMapper.toView(song);
    }

    /** 404 if absent, 412 unless the stored version is {@code expectedVersion}. */
    @Transactional
    public SongView update(String slug, long expectedVersion, SongInput input) {
        Song song = songs.findBySlugForUpdate(slug)
                .orElseThrow(() -> ProblemException.notFound(notFound(slug)));
        Preconditions.requireVersion(expectedVersion, song.version);
        SongView before = SongMapper.content(song);
        apply(song, input);
        if (!before.equals(SongMapper.content(song))) {
            song.updatedAt = OffsetDateTime.now(); // the song row itself changes, so @Version moves on
        }
        flush(song);
        return SongMapper.toView(song);
    }

    /** Deletes the song; with an expected version (If-Match), only if it is still that version. */
    @Transactional
    public void delete(String slug, Long expectedVersion) {
        Song song = songs.findBySlugForUpdate(slug)
                .orElseThrow(() -> ProblemException.notFound(notFound(slug)));
        if (expectedVersion != null) {
            Preconditions.requireVersion(expectedVersion, song.version);
        }
        songs.delete(song);
    }

    private Song newSong(SongInput input) {
        Song song = new Song();
        song.slug = input.slug();
        song.version = 1; // as the dataset's songs start (the column default); Hibernate would seed 0
        apply(song, input);
        return song;
    }

    /** Copies the input onto the entity, reusing credit and usage rows where they stay the same. */
    private void apply(Song song, SongInput input) {
        song.title = input.title().strip();
        song.nativeTitle = blankToNull(input.nativeTitle());
        song.year = input.year();
        song.single = blankToNull(input.single());
        List<String> moods = input.moodsOrEmpty().stream().distinct().map(SongMood::name).toList();
        if (!moods.equals(song.moods)) {
            song.moods = new ArrayList<>(moods);
        }
        song.description = blankToNull(input.description());
        applyCredits(song, input.artists());
        applyUsages(song, input.usagesOrEmpty());
    }

    private void applyCredits(Song song, List<SongInput.CreditInput> credits) {
        Map<String, Artist> known = artistsBySlug(credits.stream().map(SongInput.CreditInput::slug).toList());
        List<Problem.FieldError> errors = creditErrors(credits, known::containsKey);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // New artists are created as the import creates them (ON CONFLICT DO NOTHING), so a concurrent write that
        // introduces the same artist is no error; the first credit of a new artist names it.
        Map<String, String> newArtists = new TreeMap<>();
        credits.stream().filter(c -> !known.containsKey(c.slug()))
                .forEach(c -> newArtists.putIfAbsent(c.slug(), c.name().strip()));
        if (!newArtists.isEmpty()) {
            artists.getEntityManager().unwrap(Session.class)
                    .doWork(connection -> queries.createArtists(connection, newArtists));
            known.putAll(artistsBySlug(newArtists.keySet()));
        }
        Map<String, SongArtist> existing = new HashMap<>();
        for (SongArtist credit : song.credits) {
            existing.put(credit.artist.slug + "/" + credit.role, credit);
        }
        List<SongArtist> next = new ArrayList<>();
        for (int i = 0; i < credits.size(); i++) {
            var input = credits.get(i);
            SongArtist credit = existing.remove(input.slug() + "/" + input.role());
            if (credit == null) {
                credit = new SongArtist();
                credit.song = song;
                credit.role = input.role();
                credit.artist = known.get(input.slug());
            }
            if (credit.position != i + 1) {
                credit.position = i + 1;
            }
            next.add(credit);
        }
        if (!next.equals(song.credits)) {
            song.credits.clear(); // orphan removal deletes the credits that are gone
            song.credits.addAll(next);
        }
    }

    /** No artist twice in one role; a new artist (not {@code known}) needs a name. Shared with the import. */
    static List<Problem.FieldError> creditErrors(List<SongInput.CreditInput> credits, Predicate<String> known) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < credits.size(); i++) {
            var credit = credits.get(i);
            if (!seen.add(credit.slug() + "/" + credit.role())) {
                errors.add(new Problem.FieldError("artists[" + i + "]",
                        "'" + credit.slug() + "' is credited as " + credit.role() + " twice"));
            }
            if (!known.test(credit.slug()) && (credit.name() == null || credit.name().isBlank())) {
                errors.add(new Problem.FieldError("artists[" + i + "].name",
                        "is required, because no artist has the slug '" + credit.slug() + "' yet"));
            }
        }
        return errors;
    }

    /**
     * The song an input describes, as {@link #apply} stores it (same normalisation), without entities: what the
     * import compares with the stored song and writes. {@code artistNames} maps every credited slug to its name.
     */
    static SongView intended(SongInput input, Map<String, String> artistNames, long version) {
        return new SongView(input.slug(), input.title().strip(), blankToNull(input.nativeTitle()),
                input.artists().stream()
                        .map(c -> new SongView.Credit(artistNames.get(c.slug()), c.slug(), c.role())).toList(),
                input.year(), blankToNull(input.single()), input.moodsOrEmpty().stream().distinct().toList(),
                blankToNull(input.description()),
                input.usagesOrEmpty().stream()
                        .map(u -> new SongView.Usage(u.titleSlug(), blankToNull(u.titleName()), u.role(), u.sequence(),
                                blankToNull(u.episodes()), blankToNull(u.note()))).toList(),
                version);
    }

    private Map<String, Artist> artistsBySlug(Collection<String> slugs) {
        return artists.findBySlugs(slugs).stream().collect(Collectors.toMap(a -> a.slug, Function.identity()));
    }

    private static void applyUsages(Song song, List<SongInput.UsageInput> usages) {
        // Rows are reused in order, so an unchanged list writes nothing.
        while (song.usages.size() > usages.size()) {
            song.usages.remove(song.usages.size() - 1);
        }
        for (int i = 0; i < usages.size(); i++) {
            var input = usages.get(i);
            SongUsage usage;
            if (i < song.usages.size()) {
                usage = song.usages.get(i);
            } else {
                usage = new SongUsage();
                usage.song = song;
                song.usages.add(usage);
            }
            usage.titleSlug = input.titleSlug();
            usage.titleName = blankToNull(input.titleName());
            usage.role = input.role();
            usage.sequence = input.sequence();
            usage.episodes = blankToNull(input.episodes());
            usage.note = blankToNull(input.note());
            usage.position = i + 1;
        }
    }

    /**
     * Writes now rather than at commit, so a lost race answers 412/409 here instead of failing the commit,
     * then brings the search text up to date.
     */
    private void flush(Song song) {
        try {
            songs.refreshSearchText(song);
        } catch (OptimisticLockException | StaleStateException e) {
            throw Preconditions.stale();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new ProblemException(409, "Another write created '" + song.slug
                        + "' at the same time; GET it and retry.");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException conflict(String slug) {
        return ProblemException.slugTaken("song", slug, "/api/songs");
    }

    static String notFound(String slug) {
        return "No song with slug '" + slug + "'.";
    }
}
