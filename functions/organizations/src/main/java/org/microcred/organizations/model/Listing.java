package org.microcred.organizations.model;

import java.util.List;

/** A page of a list and the cursor of the next page (absent on the last). */
public record Listing<T>(List<T> items, String nextCursor) {
}
