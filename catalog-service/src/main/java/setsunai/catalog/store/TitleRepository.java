package setsunai.catalog.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TitleRepository implements PanacheRepository<Title> {

    public Optional<Title> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The title, row-locked until the transaction ends: a concurrent PUT or DELETE of it waits for us. */
    public Optional<Title> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Makes the writes that may create this slug take turns until the transaction ends, whether the title exists
     * or not (a row lock needs a row): a transaction-scoped advisory lock on the slug, so concurrent imports or
     * POSTs of one new slug run one after the other instead of failing on the unique constraint.
     */
    public void lockSlug(String slug) {
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('catalog.title'), hashtext(?1))")
                .setParameter(1, slug)
                .getSingleResult();
    }

    /** The titles with these ids, in the order of the ids (as ranked by a search); one query. */
    public List<Title> findInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Title> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return ids.stream().map(byId::get).filter(t -> t != null).toList();
    }

    /** Batch lookup: the titles among these slugs, in one query; unknown slugs are simply absent. */
    public List<Title> findBySlugs(Collection<String> slugs) {
        return list("slug in ?1 order by title", slugs);
    }
}
