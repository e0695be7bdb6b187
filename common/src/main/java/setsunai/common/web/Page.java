package setsunai.common.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, as every list endpoint answers it. */
@Schema(description = "One page of results.")
public record Page<T>(
        @Schema(description = "The items on this page.") List<T> items,
        @Schema(description = "1-based page number.", examples = "1") int page,
        @Schema(description = "Page size asked for.", examples = "20") int size,
        @Schema(description = "Items matching the query, across all pages.", examples = "57") long totalItems,
        @Schema(description = "Number of pages.", examples = "3") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) Math.max(1, (totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
