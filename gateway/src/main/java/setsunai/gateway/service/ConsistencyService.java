package setsunai.gateway.service;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import setsunai.gateway.api.ConsistencyReport;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.PageOf;
import setsunai.gateway.client.SongsSong;

/**
 * Where songs and catalogue disagree. Both full lists are needed, so it pages through both, 100 items a call:
 * the first page of each in parallel, then all remaining pages of both in parallel. Both services are primary here
 * (half a report would mislead), and the report is cached briefly (quarkus.cache.caffeine."consistency").
 */
@ApplicationScoped
public class ConsistencyService {

    /** A guard against a runaway paging loop: 50 pages = 5,000 items per service. */
    static final int MAX_PAGES = 50;

    /** Calls in flight per service while paging. */
    static final int PAGES_IN_FLIGHT = 4;

    @Inject
    CatalogSource catalog;

    @Inject
    SongsSource songs;

    @CacheResult(cacheName = "consistency")
    public Uni<ConsistencyReport> report() {
        return Uni.combine().all().unis(catalog.page(1), songs.page(1)).asTuple().chain(first -> {
            PageOf<CatalogTitle> titles1 = first.getItem1().orUnavailable("The catalogue");
            PageOf<SongsSong> songs1 = first.getItem2().orUnavailable("The songs service");
            int titlePages = pages(titles1);
            int songPages = pages(songs1);
            return Uni.combine().all()
                    .unis(rest(titlePages, p -> catalog.page(p), "The catalogue"),
                            rest(songPages, p -> songs.page(p), "The songs service"))
                    .asTuple()
                    .map(more -> {
                        List<CatalogTitle> allTitles = new ArrayList<>(titles1.itemsOrEmpty());
                        more.getItem1().forEach(page -> allTitles.addAll(page.itemsOrEmpty()));
                        List<SongsSong> allSongs = new ArrayList<>(songs1.itemsOrEmpty());
                        more.getItem2().forEach(page -> allSongs.addAll(page.itemsOrEmpty()));
                        return compare(allTitles, allSongs, titlePages + songPages);
                    });
        });
    }

    static ConsistencyReport compare(List<CatalogTitle> titles, List<SongsSong> songs, int calls) {
        Set<String> known = titles.stream().map(CatalogTitle::slug).collect(Collectors.toSet());
        List<ConsistencyReport.UnknownUsage> unknown = songs.stream()
                .flatMap(s -> (s.usages() == null ? List.<SongsSong.Usage>of() : s.usages()).stream()
                        .filter(u -> !known.contains(u.titleSlug()))
                        .map(u -> new ConsistencyReport.UnknownUsage(s.slug(), s.title(), u.titleSlug(), u.titleName(), u.role())))
                .sorted(Comparator.comparing(ConsistencyReport.UnknownUsage::titleSlug, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ConsistencyReport.UnknownUsage::songSlug))
                .toList();
        Set<String> used = songs.stream()
                .flatMap(s -> (s.usages() == null ? List.<SongsSong.Usage>of() : s.usages()).stream())
                .map(SongsSong.Usage::titleSlug).collect(Collectors.toSet());
        List<ConsistencyReport.TitleRef> silent = titles.stream().filter(t -> !used.contains(t.slug()))
                .map(t -> new ConsistencyReport.TitleRef(t.slug(), t.title()))
                .sorted(Comparator.comparing(ConsistencyReport.TitleRef::slug))
                .toList();
        return new ConsistencyReport(titles.size(), songs.size(), calls, unknown, silent, List.of());
    }

    private static int pages(PageOf<?> first) {
        return Math.min(MAX_PAGES, Math.max(1, first.totalPages()));
    }

    /**
     * Pages 2..last in parallel, at most {@link #PAGES_IN_FLIGHT} per service at a time: anyone may ask for the
     * report, and a big catalogue must not turn one request into dozens of simultaneous calls that slow the service
     * down for everyone else. Any failure fails the report.
     */
    private static <T> Uni<List<PageOf<T>>> rest(int pages, IntFunction<Uni<Fetched<PageOf<T>>>> fetch, String what) {
        if (pages <= 1) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().range(2, pages + 1)
                .onItem().transformToUni(p -> fetch.apply(p).map(f -> f.orUnavailable(what))).merge(PAGES_IN_FLIGHT)
                .collect().asList();
    }
}
