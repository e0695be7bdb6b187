package setsunai.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TitleRepository implements PanacheRepository<Title> {

    public Optional<Title> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Batch lookup: the titles among these slugs, in one query; unknown slugs are simply absent. */
    public List<Title> findBySlugs(Collection<String> slugs) {
        return list("slug in ?1 order by title", slugs);
    }
}
