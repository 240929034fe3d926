package org.microcred.catalog.model;

import java.util.List;
import org.microcred.records.catalog.SearchCard;

/** One page of search results; {@code nextCursor} is absent on the last page. */
public record SearchPage(List<SearchCard> items, String nextCursor) {
}
