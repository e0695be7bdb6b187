package setsunai.catalog.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import setsunai.common.problem.ProblemException;

@ApplicationScoped
public class TitleRepository implements PanacheRepository<Title> {

    public Optional<Title> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The title, or a 404 in the words every service uses. */
    public Title findBySlugOr404(String slug) {
        return findBySlug(slug).orElseThrow(() -> ProblemException.noSuch("title", slug, "/api/titles"));
    }

    /** The title, row-locked until the transaction ends: a concurrent PUT or DELETE of it waits for us. */
    public Optional<Title> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The titles with these ids, in the order of the ids (as ranked by a search); one query. */
    public List<Title> findInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Title> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return ids.stream().map(byId::get).filter(t -> t != null).toList();
    }
}
