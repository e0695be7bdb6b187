package setsunai.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page as the services answer lists. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
