package org.microcred.enrollment.model;

import java.util.List;

/** One page of enrolments; {@code nextCursor} is absent on the last page. */
public record EnrollmentPage(List<EnrollmentView> items, String nextCursor) {
    public EnrollmentPage {
        items = List.copyOf(items);
    }
}
