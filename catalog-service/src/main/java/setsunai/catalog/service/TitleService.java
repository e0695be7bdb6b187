package setsunai.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import setsunai.catalog.mapping.TitleMapper;
import setsunai.catalog.model.TitleRepository;
import setsunai.catalog.rest.TitleView;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;

/** Reading the catalogue. */
@ApplicationScoped
public class TitleService {

    @Inject
    TitleRepository titles;

    @Transactional
    public TitleView get(String slug) {
        return titles.findBySlug(slug).map(TitleMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("No title with slug '" + slug + "'."));
    }

    @Transactional
    public Page<TitleView> list(List<String> slugs, PageRequest page) {
        var query = slugs.isEmpty() ? titles.find("order by title") : titles.find("slug in ?1 order by title", slugs);
        List<TitleView> items = query.page(page.page() - 1, page.size()).list().stream().map(TitleMapper::toView).toList();
        return Page.of(items, page, query.count());
    }
}
