package setsunai.catalog.service;

import static setsunai.common.web.Text.blankToNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import setsunai.catalog.api.TitleInput;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.store.Title;

/** Entity to API record and back; the only place that knows both shapes. */
public final class TitleMapper {

    private TitleMapper() {
    }

    public static TitleView toView(Title title) {
        return new TitleView(title.slug, title.title, title.nativeTitle, List.copyOf(title.alternativeTitles),
                title.format, title.episodes, title.year, title.season, List.copyOf(title.studios),
                List.copyOf(title.directors), title.source, title.synopsis, List.copyOf(title.tags), title.ending,
                title.tearjerker, List.copyOf(title.streaming), Map.copyOf(title.externalIds), title.version);
    }

    /** The writable part of a stored title, in the input's shape, to tell whether an input changes anything. */
    public static TitleInput toInput(Title title) {
        return new TitleInput(title.slug, title.title, title.nativeTitle, title.alternativeTitles, title.format,
                title.episodes, title.year, title.season, title.studios, title.directors, title.source, title.synopsis,
                title.tags, title.ending, title.tearjerker, title.streaming, title.externalIds);
    }

    /** The input with absent lists and maps as empty ones and blank optional text as null, as they are stored. */
    public static TitleInput normalize(TitleInput in) {
        return new TitleInput(in.slug(), in.title().strip(), blankToNull(in.nativeTitle()), list(in.alternativeTitles()),
                in.format(), in.episodes(), in.year(), in.season(), list(in.studios()), list(in.directors()), in.source(),
                blankToNull(in.synopsis()), list(in.tags()), in.ending(), in.tearjerker(), list(in.streaming()),
                in.externalIds() == null ? Map.of() : in.externalIds());
    }

    /** Copies every writable field; id, version and timestamps stay the server's. */
    public static void apply(TitleInput in, Title title) {
        title.slug = in.slug();
        title.title = in.title();
        title.nativeTitle = in.nativeTitle();
        title.alternativeTitles = new ArrayList<>(in.alternativeTitles());
        title.format = in.format();
        title.episodes = in.episodes();
        title.year = in.year();
        title.season = in.season();
        title.studios = new ArrayList<>(in.studios());
        title.directors = new ArrayList<>(in.directors());
        title.source = in.source();
        title.synopsis = in.synopsis();
        title.tags = new ArrayList<>(in.tags());
        title.ending = in.ending();
        title.tearjerker = in.tearjerker();
        title.streaming = new ArrayList<>(in.streaming());
        title.externalIds = new LinkedHashMap<>(in.externalIds());
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
