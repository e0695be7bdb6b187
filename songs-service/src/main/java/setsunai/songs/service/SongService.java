package setsunai.songs.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.songs.mapping.SongMapper;
import setsunai.songs.model.SongRepository;
import setsunai.songs.rest.SongView;

/** Reading songs. */
@ApplicationScoped
public class SongService {

    @Inject
    SongRepository songs;

    @Transactional
    public SongView get(String slug) {
        return songs.findBySlug(slug).map(SongMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("No song with slug '" + slug + "'."));
    }

    @Transactional
    public Page<SongView> list(List<String> titleSlugs, PageRequest page) {
        var query = titleSlugs.isEmpty() ? songs.find("order by title") : songs.usedInTitles(titleSlugs);
        var items = SongMapper.toViews(query.page(page.page() - 1, page.size()).list());
        return Page.of(items, page, query.count());
    }
}
