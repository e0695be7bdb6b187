package setsunai.catalog.service;

import java.util.List;
import java.util.Map;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.store.Title;

/** Entity to API record (writes go through store.TitleWrites, which takes the API's input as it is). */
public final class TitleMapper {

    private TitleMapper() {
    }

    public static TitleView toView(Title title) {
        return new TitleView(title.slug, title.title, title.nativeTitle, List.copyOf(title.alternativeTitles),
                title.format, title.episodes, title.year, title.season, List.copyOf(title.studios),
                List.copyOf(title.directors), title.source, title.synopsis, List.copyOf(title.tags), title.ending,
                title.tearjerker, List.copyOf(title.streaming), Map.copyOf(title.externalIds), title.franchise,
                title.version);
    }
}
