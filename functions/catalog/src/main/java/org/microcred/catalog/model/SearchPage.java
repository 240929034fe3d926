package org.microcred.catalog.model;

import java.util.List;

/** One page of search results; {@code nextCursor} is absent on the last page. */
public record SearchPage(List<SearchCard> items, String nextCursor) {
}
