package org.microcred.records.catalog;

import java.util.List;

/** Null-safe immutable copies for record components read from JSON. */
final class Lists {
    private Lists() {
    }

    /** An absent list is an empty one; a null element is a client mistake, named as such. */
    static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new IllegalArgumentException("must not contain null entries");
            }
        }
        return List.copyOf(list);
    }
}
