package org.microcred.badgeissuer.service;

/**
 * A mastery decision whose enrolment or published micro-credential version cannot be read.
 * The review function writes the decision in the same transaction that moves the enrolment, so
 * this means damaged data (or a restore in progress): the record is reported for retry and then
 * lands in the dead-letter queue, where an operator can replay it, rather than being dropped.
 */
public class AwardIncompleteException extends RuntimeException {
    public AwardIncompleteException(String message) {
        super(message);
    }
}
