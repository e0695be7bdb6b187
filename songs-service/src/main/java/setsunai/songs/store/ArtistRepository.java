package setsunai.songs.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ArtistRepository implements PanacheRepository<Artist> {

    public Optional<Artist> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Artist> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    /** An artist as a list shows it: with the number of songs credited to them. */
    public record Listed(String slug, String name, String nativeName, long songCount) {
    }

    public record Matches(List<Listed> items, long total) {
    }

    /** Artists by name (typo-, case- and accent-tolerant when q is given, best match first), else by name. */
    @SuppressWarnings("unchecked")
    public Matches search(String q, int offset, int limit) {
        var em = getEntityManager();
        String where = "";
        String order = " ORDER BY lower(a.name), a.id";
        String key = null;
        if (q != null) {
            key = (String) em.createNativeQuery("SELECT search_key(:q)").setParameter("q", q).getSingleResult();
            where = " WHERE (search_key(a.name) LIKE :like OR :key <% search_key(a.name))";
            order = " ORDER BY word_similarity(:key, search_key(a.name)) DESC, lower(a.name), a.id";
        }
        var count = em.createNativeQuery("SELECT count(*) FROM artist a" + where);
        var page = em.createNativeQuery("""
                SELECT a.slug, a.name, a.native_name,
                       (SELECT count(DISTINCT sa.song_id) FROM song_artist sa WHERE sa.artist_id = a.id)
                FROM artist a""" + where + order + " LIMIT :limit OFFSET :offset");
        if (key != null) {
            String like = "%" + SongQueries.escapeLike(key) + "%";
            count.setParameter("key", key).setParameter("like", like);
            page.setParameter("key", key).setParameter("like", like);
        }
        page.setParameter("limit", limit).setParameter("offset", offset);
        long total = ((Number) count.getSingleResult()).longValue();
        List<Listed> items = ((List<Object[]>) page.getResultList()).stream()
                .map(row -> new Listed((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList();
        return new Matches(items, total);
    }

    /** An artist's credits with their songs, in the songs' title order. */
    public List<SongArtist> creditsOf(Artist artist) {
        return getEntityManager().createQuery("""
                        select sa from SongArtist sa join fetch sa.song s
                        where sa.artist = ?1 order by lower(s.title), s.id, sa.position""", SongArtist.class)
                .setParameter(1, artist).getResultList();
    }
}
