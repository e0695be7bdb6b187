package setsunai.gateway.service;

import java.util.List;

/**
 * The catalogue filters of a recommendation or a surprise, checked and sorted at the edge (the candidates are cached
 * by them, so any order of the same values is one entry). {@code streaming} holds service keys ({@code netflix}).
 */
public record Filters(List<String> formats, List<String> endings, List<String> streaming) {

    public static final Filters NONE = new Filters(List.of(), List.of(), List.of());
}
