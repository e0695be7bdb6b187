package setsunai.catalog.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Title entities for the writes Panache does (the row lock of a PUT, DELETE); every read is {@link TitleReads}. */
@ApplicationScoped
public class TitleRepository implements PanacheRepository<Title> {

    public Optional<Title> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The title, row-locked until the transaction ends: a concurrent PUT or DELETE of it waits for us. */
    public Optional<Title> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
