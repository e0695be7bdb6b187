package setsunai.songs.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Songs as entities, for the editor's single-song writes. Reads and the import use {@link SongQueries}. */
@ApplicationScoped
public class SongRepository implements PanacheRepository<Song> {

    public Optional<Song> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The song, row-locked until the transaction ends: concurrent updates of one song queue up here. */
    public Optional<Song> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Rewrites the denormalised search text (title, native title, artist names); call after flushing credits. */
    public void refreshSearchText(Song song) {
        getEntityManager().flush();
        getEntityManager()
                .createNativeQuery("UPDATE song SET search_text = coalesce(song_search_text(id), '') WHERE id = ?1")
                .setParameter(1, song.id)
                .executeUpdate();
    }
}
