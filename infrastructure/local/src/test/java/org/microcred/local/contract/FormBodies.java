package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Bodies of the HTML forms ({@code application/x-www-form-urlencoded}), plausible or broken. */
final class FormBodies {
    private FormBodies() {
    }

    static byte[] of(JsonNode plausible, Attack attack, Random random) {
        List<String> pairs = new ArrayList<>();
        plausible.fields().forEachRemaining(field -> {
            boolean drop = attack == Attack.BODY_MISSING_FIELD && random.nextBoolean();
            if (!drop) {
                String value = attack == Attack.BODY_HOSTILE_STRING && random.nextBoolean() ? HostileValues.any(random)
                        : field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
                pairs.add(BadRequests.encode(field.getKey()) + "=" + BadRequests.encode(value));
            }
        });
        if (attack == Attack.BODY_EXTRA_FIELD || attack == Attack.BODY_WRONG_TYPE) {
            pairs.add(random.nextBoolean() ? "level.x=" + BadRequests.encode(HostileValues.any(random)) : "a=1&a=2");
        }
        if (attack == Attack.BODY_MALFORMED) {
            List<String> broken = List.of("%zz=1", "=&=&", "csrf", "a=%", "outcome=%E0%A4%A", "&&&");
            pairs.add(broken.get(random.nextInt(broken.size())));
        }
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }
}
