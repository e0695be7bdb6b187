package setsunai.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import setsunai.catalog.api.SimilarTitle;
import setsunai.catalog.api.StudioView;
import setsunai.catalog.api.TagView;
import setsunai.catalog.api.TitleSearch;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.store.SearchTitles;
import setsunai.catalog.store.SimilarTitles;
import setsunai.catalog.store.TagVocabulary;
import setsunai.catalog.store.TitleReads;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;

/**
 * Reading the catalogue: one title, search, similar titles and the vocabulary. Reads run without a transaction: each
 * store call is one connection in auto-commit, which PostgreSQL's READ COMMITTED would give no stronger consistency
 * inside a transaction either, and it spares every request a JTA begin and commit (the search count takes a short
 * local transaction of its own, see SearchTitles).
 */
@ApplicationScoped
public class TitleService {

    @Inject
    TitleReads titles;

    @Inject
    SearchTitles search;

    @Inject
    SimilarTitles similar;

    @Inject
    TagVocabulary vocabulary;

    public TitleView get(String slug) {
        return titles.bySlug(slug).orElseThrow(() -> noSuch(slug));
    }

    public Page<TitleView> search(TitleSearch criteria, PageRequest page) {
        requireKnownTags(Map.of("tag", criteria.tags(), "anyTag", criteria.anyTags(), "excludeTag", criteria.excludeTags()));
        requireKnownServices(criteria.streaming());
        SearchTitles.IdPage ids = search.search(criteria, page.size(), (long) page.offset());
        return Page.of(List.copyOf(titles.views(ids.ids()).values()), page, ids.total());
    }

    /** The ids (normalised, see TitleSearch#ids) that name no title, in the order given. */
    public List<String> notFound(List<String> ids) {
        Set<String> known = search.knownIds(ids);
        return ids.stream().filter(id -> !known.contains(id)).toList();
    }

    public Page<SimilarTitle> similar(String slug, PageRequest page) {
        long source = titles.id(slug).orElseThrow(() -> noSuch(slug));
        SimilarTitles.SimilarPage rows = similar.similar(source, page.size(), (long) page.offset());
        Map<Long, TitleView> byId = titles.views(rows.rows().stream().map(SimilarTitles.SimilarRow::id).toList());
        List<SimilarTitle> items = rows.rows().stream().filter(r -> byId.containsKey(r.id()))
                .map(r -> new SimilarTitle(byId.get(r.id()), r.similarity(), r.sharedTags())).toList();
        return Page.of(items, page, rows.total());
    }

    public Page<TagView> tags(PageRequest page) {
        TagVocabulary.CountPage rows = vocabulary.tags(page.size(), page.offset());
        return Page.of(rows.rows().stream().map(r -> new TagView(r.name(), r.description(), r.titles())).toList(),
                page, rows.total());
    }

    public Page<StudioView> studios(PageRequest page) {
        TagVocabulary.CountPage rows = vocabulary.studios(page.size(), page.offset());
        return Page.of(rows.rows().stream().map(r -> new StudioView(r.name(), r.titles())).toList(), page, rows.total());
    }

    /** The 404 of a slug that names no title, in the words every service uses. */
    static ProblemException noSuch(String slug) {
        return ProblemException.noSuch("title", slug, "/api/titles");
    }

    /**
     * 400 naming the known service keys when `streaming` asks for a service no title links to: a misspelt key
     * (`amazon` for `prime`) would otherwise look like "nothing to watch there".
     */
    void requireKnownServices(List<String> services) {
        if (services.isEmpty()) {
            return;
        }
        List<String> unknown = vocabulary.unknownServices(services);
        if (unknown.isEmpty()) {
            return;
        }
        String known = String.join(", ", vocabulary.serviceKeys());
        throw new InvalidInputException(unknown.stream().map(service -> new Problem.FieldError("streaming",
                "unknown service '" + service + "'; known services: " + known)).toList());
    }

    /** 400 naming the known tags when a filter or an input uses a tag outside the vocabulary. */
    void requireKnownTags(Map<String, List<String>> tagsByField) {
        if (tagsByField.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        List<String> known = vocabulary.tagSlugs();
        List<Problem.FieldError> errors = new ArrayList<>();
        tagsByField.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            for (int i = 0; i < entry.getValue().size(); i++) {
                String tag = entry.getValue().get(i);
                if (!known.contains(tag)) {
                    errors.add(new Problem.FieldError(entry.getKey(), "unknown tag '" + tag + "'; known tags: "
                            + String.join(", ", known)));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
