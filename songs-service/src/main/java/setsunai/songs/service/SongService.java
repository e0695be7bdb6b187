package setsunai.songs.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.common.web.Preconditions;
import setsunai.songs.api.SongInput;
import setsunai.songs.api.SongSearch;
import setsunai.songs.api.SongView;
import setsunai.songs.store.ArtistStore;
import setsunai.songs.store.SongStore;

/**
 * Reading and writing songs. Every write is one transaction and goes through {@link SongStore#upsert}, as the
 * import ({@link SongImporter}) and the dataset loader do. Reads run without a transaction: each is one connection
 * in auto-commit, which PostgreSQL's READ COMMITTED would give no stronger consistency inside a transaction either,
 * and it keeps reads cheap (no JTA begin/commit per request).
 */
@ApplicationScoped
public class SongService {

    @Inject
    SongStore songs;

    @Inject
    DataSource dataSource; // inside @Transactional, Agroal hands out the transaction's connection

    public SongView get(String slug) {
        return songs.find(slug).orElseThrow(() -> notFound(slug));
    }

    public Page<SongView> list(SongSearch search, PageRequest page) {
        return songs.search(search, page);
    }

    /** Readiness: whether the dataset is loaded. */
    public boolean hasSongs() {
        return songs.hasSongs();
    }

    /** 409 if the slug is taken. */
    @Transactional
    public SongView create(SongInput input) {
        SongInput song = input.normalized(input.slug());
        try (Connection connection = dataSource.getConnection()) {
            // A concurrent POST or import of this slug waits here, then sees that it exists: a 409, never a 500.
            SongStore.lockSlugs(connection, List.of(song.slug()));
            if (SongStore.lockVersion(connection, song.slug()).isPresent()) {
                throw ProblemException.slugTaken("song", song.slug(), "/api/songs");
            }
            write(connection, song);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return get(song.slug());
    }

    /** 404 if absent, 412 unless the stored version is {@code expectedVersion}. */
    @Transactional
    public SongView update(String slug, long expectedVersion, SongInput input) {
        try (Connection connection = dataSource.getConnection()) {
            // Row-locked: concurrent updates of one song queue up here, and each sees the version the last one left.
            long version = SongStore.lockVersion(connection, slug).orElseThrow(() -> notFound(slug));
            Preconditions.requireVersion(expectedVersion, version);
            write(connection, input.normalized(slug));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return get(slug);
    }

    /** Deletes the song; with an expected version (If-Match), only if it is still that version. */
    @Transactional
    public void delete(String slug, Long expectedVersion) {
        try (Connection connection = dataSource.getConnection()) {
            long version = SongStore.lockVersion(connection, slug).orElseThrow(() -> notFound(slug));
            if (expectedVersion != null) {
                Preconditions.requireVersion(expectedVersion, version);
            }
            SongStore.delete(connection, slug);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One song through the write path the import uses: its credits checked, its new artists created, then upserted. */
    private static void write(Connection connection, SongInput song) throws SQLException {
        List<Problem.FieldError> errors = createArtists(connection, List.of(song)).get(0);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SongStore.upsert(connection, List.of(song));
    }

    /**
     * Checks each song's credits, in order, against the artists that exist and those the songs before it introduce,
     * and creates the new artists of the songs without errors at once (the first credit of a new artist names it).
     * Shared by the API, the import and the dataset loader.
     *
     * @return for each song, the errors that reject it (empty: its artists now exist)
     */
    public static List<List<Problem.FieldError>> createArtists(Connection connection, List<SongInput> songs) throws SQLException {
        Set<String> slugs = new LinkedHashSet<>();
        songs.forEach(song -> song.artists().forEach(credit -> slugs.add(credit.slug())));
        Map<String, String> existing = ArtistStore.names(connection, slugs);
        Map<String, String> newArtists = new TreeMap<>();
        List<List<Problem.FieldError>> errors = new ArrayList<>();
        for (SongInput song : songs) {
            var songErrors = creditErrors(song.artists(),
                    slug -> existing.containsKey(slug) || newArtists.containsKey(slug));
            if (songErrors.isEmpty()) {
                song.artists().stream().filter(c -> !existing.containsKey(c.slug()))
                        .forEach(c -> newArtists.putIfAbsent(c.slug(), c.name()));
            }
            errors.add(songErrors);
        }
        ArtistStore.create(connection, newArtists);
        return errors;
    }

    /** No artist twice in one role; a new artist (not {@code known}) needs a name. */
    private static List<Problem.FieldError> creditErrors(List<SongInput.CreditInput> credits, Predicate<String> known) {
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

    private static ProblemException notFound(String slug) {
        return ProblemException.noSuch("song", slug, "/api/songs");
    }
}
