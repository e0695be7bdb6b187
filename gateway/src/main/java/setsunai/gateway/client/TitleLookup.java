package setsunai.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * catalog-service's answer to GET /api/titles?id=…: the titles the ids name and {@code notFound}, the ids that name
 * none (normalised, in the order asked). A catalogue that does not know {@code id} ignores it and answers a plain
 * page, without {@code notFound}: then nothing was looked up (see service.CatalogSource).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TitleLookup(List<CatalogTitle> items, long totalItems, List<String> notFound) {

    public static final TitleLookup EMPTY = new TitleLookup(List.of(), 0, List.of());

    public List<CatalogTitle> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
