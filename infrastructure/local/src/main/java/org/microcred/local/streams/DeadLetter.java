package org.microcred.local.streams;

import java.util.List;

/** Stream records a function kept failing on, given up after the retry limit (Lambda's on-failure destination). */
public record DeadLetter(String functionLogicalId, String eventName, List<String> sequenceNumbers, int attempts,
                         String reason) {
    public DeadLetter {
        sequenceNumbers = List.copyOf(sequenceNumbers);
    }
}
