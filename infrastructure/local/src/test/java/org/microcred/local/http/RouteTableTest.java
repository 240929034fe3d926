package org.microcred.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.HttpRoute;

class RouteTableTest {
    private final RouteTable table = new RouteTable(List.of(
            new HttpRoute("Read", "List", "GET", "/microcredentials", false),
            new HttpRoute("Read", "Get", "GET", "/microcredentials/{id}", false),
            new HttpRoute("Admin", "Update", "PUT", "/microcredentials/{id}", true),
            new HttpRoute("Admin", "Publish", "POST", "/microcredentials/{id}/publish", true),
            new HttpRoute("Any", "Anything", "ANY", "/anything/{id}", false),
            new HttpRoute("Exact", "Delete", "DELETE", "/anything/{id}", false)));

    @Test
    void lookup_matchesMethodAndPathTemplate() {
        RouteTable.Lookup lookup = table.lookup("POST", "/microcredentials/mc-1/publish");

        assertThat(lookup.route().map(HttpRoute::eventName)).hasValue("Publish");
        assertThat(lookup.pathParameters()).isEqualTo(Map.of("id", "mc-1"));
    }

    @Test
    void lookup_withKnownPathButOtherMethod_listsTheAllowedMethods() {
        RouteTable.Lookup lookup = table.lookup("DELETE", "/microcredentials/mc-1");

        assertThat(lookup.route()).isEmpty();
        assertThat(lookup.allowedMethods()).containsExactly("GET", "PUT");
    }

    @Test
    void lookup_withUnknownPath_findsNothing() {
        RouteTable.Lookup lookup = table.lookup("GET", "/microcredentials/mc-1/extra/segments");

        assertThat(lookup.route()).isEmpty();
        assertThat(lookup.pathExists()).isFalse();
    }

    @Test
    void lookup_prefersExactMethodOverAny() {
        assertThat(table.lookup("DELETE", "/anything/1").route().map(HttpRoute::eventName)).hasValue("Delete");
        assertThat(table.lookup("PATCH", "/anything/1").route().map(HttpRoute::eventName)).hasValue("Anything");
    }

    @Test
    void lookup_emptySegmentNeverMatchesAVariable() {
        assertThat(table.lookup("GET", "/microcredentials//publish").route()).isEmpty();
    }

    @Test
    void queryParameters_joinRepeatedKeysWithCommasAndDecodePlusAsSpace() {
        assertThat(HttpEventFactory.queryParameters("a=1&a=2&b=x+y&c=%26")).isEqualTo(Map.of(
                "a", "1,2", "b", "x y", "c", "&"));
    }

    @Test
    void isText_coversJsonTextFormAndXml() {
        assertThat(HttpEventFactory.isText("application/problem+json")).isTrue();
        assertThat(HttpEventFactory.isText("text/html; charset=utf-8")).isTrue();
        assertThat(HttpEventFactory.isText("application/x-www-form-urlencoded")).isTrue();
        assertThat(HttpEventFactory.isText("image/png")).isFalse();
        assertThat(HttpEventFactory.isText("")).isFalse();
    }
}
