package setsunai.gateway.client;

import java.util.List;

/** A title the catalogue finds similar to another, how similar (0..1 or a score) and the tags they share. */
public record SimilarTitle(CatalogTitle title, double similarity, List<String> sharedTags) {
}
