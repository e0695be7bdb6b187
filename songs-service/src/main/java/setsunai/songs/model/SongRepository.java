package setsunai.songs.model;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;

@ApplicationScoped
public class SongRepository implements PanacheRepository<Song> {

    public Optional<Song> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Batch lookup: every song used in any of these titles, in one indexed query. */
    public PanacheQuery<Song> usedInTitles(Collection<String> titleSlugs) {
        return find("from Song s where exists (from SongUsage u where u.song = s and u.titleSlug in ?1) order by s.title",
                titleSlugs);
    }
}
