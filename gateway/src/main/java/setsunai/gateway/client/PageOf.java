package setsunai.gateway.client;

import java.util.List;

/** A page as the services answer lists. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
