package org.microcred.records.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.http.Problems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageCursorsTest {
    private static final Set<String> KEYS = Set.of("pk", "sk");
    private static final Map<String, AttributeValue> LAST_KEY =
            Map.of("pk", AttributeValue.fromS("ORG#o1"), "sk", AttributeValue.fromS("ENR#e9"));

    @Test
    void decode_givesBackTheKeyThatWasEncoded() {
        String cursor = PageCursors.encode(LAST_KEY);

        assertThat(cursor).doesNotContain("ORG#o1").doesNotContain("=");
        assertThat(PageCursors.decode(cursor, KEYS, "pk", "ORG#o1")).isEqualTo(LAST_KEY);
    }

    @Test
    void decode_refusesACursorFromAnotherPartition() {
        String cursor = PageCursors.encode(LAST_KEY);

        assertThatThrownBy(() -> PageCursors.decode(cursor, KEYS, "pk", "ORG#o2"))
                .isInstanceOfSatisfying(DomainException.class, p -> {
                    assertThat(Problems.status(p)).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("cursor"));
                })
                .hasMessageContaining("belongs to a different list");
    }

    @Test
    void decode_refusesACursorWithOtherKeyAttributes() {
        String cursor = PageCursors.encode(Map.of("pk", AttributeValue.fromS("ORG#o1")));

        assertThatThrownBy(() -> PageCursors.decode(cursor, KEYS, "pk", "ORG#o1"))
                .isInstanceOf(DomainException.class).hasMessageContaining("belongs to a different list");
    }

    @Test
    void decode_refusesJsonThatIsNotAnObjectOfStrings() {
        for (String json : List.of("null", "42", "[]", "\"ORG#o1\"", "{\"pk\":\"ORG#o1\",\"sk\":9}",
                "{\"pk\":\"ORG#o1\",\"sk\":null}", "{\"pk\":\"ORG#o1\",\"sk\":{\"S\":\"x\"}}")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> PageCursors.decode(cursor, KEYS, "pk", "ORG#o1")).as(json)
                    .isInstanceOf(DomainException.class).hasMessageContaining("is not a cursor this API issued");
        }
    }

    @Test
    void decode_refusesSomethingThatIsNotACursor() {
        String notJson = Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PageCursors.decode("%%%", KEYS, "pk", "ORG#o1"))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not a cursor this API issued");
        assertThatThrownBy(() -> PageCursors.decode(notJson, KEYS, "pk", "ORG#o1"))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not a cursor this API issued");
    }
}
