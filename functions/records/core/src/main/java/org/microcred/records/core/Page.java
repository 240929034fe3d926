package org.microcred.records.core;

import java.util.List;
import java.util.Optional;

/** One page of a query and the opaque cursor of the next, if any. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
