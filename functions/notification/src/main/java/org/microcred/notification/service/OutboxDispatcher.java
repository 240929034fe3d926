package org.microcred.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microcred.notification.mail.EmailRejectedException;
import org.microcred.notification.mail.SesMailer;
import org.microcred.notification.model.Delivery;
import org.microcred.notification.model.DispatchReport;
import org.microcred.notification.model.OutboxArrival;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxStore;
import org.microcred.records.learning.QueuedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sends the outbox emails of one stream batch, in order, each at most once as far as a learner
 * can tell. The table, not the stream record, decides: an email already marked {@code sentAt}
 * (a replay, a duplicate delivery) or {@code failedAt} is skipped. An email that can never be
 * sent (malformed, or refused by SES for good) is marked failed and the batch moves on; any
 * other failure stops the batch there, so Lambda retries from that email and the order holds.
 */
public class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxStore store;
    private final SesMailer mailer;
    private final Clock clock;

    public OutboxDispatcher(OutboxStore store, SesMailer mailer, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Delivers the emails in stream order, stopping at the first one that should be retried. */
    public DispatchReport dispatch(List<OutboxArrival> arrivals) {
        List<Delivery> deliveries = new ArrayList<>();
        for (OutboxArrival arrival : arrivals) {
            MDC.put("messageId", arrival.messageId());
            try {
                deliveries.add(deliver(arrival.messageId()));
            } catch (RuntimeException e) {
                LOG.warn("Email {} could not be sent now; the stream retries from sequence number {}",
                        arrival.messageId(), arrival.sequenceNumber(), e);
                return new DispatchReport(deliveries, Optional.of(arrival.sequenceNumber()));
            } finally {
                MDC.remove("messageId");
            }
        }
        return new DispatchReport(deliveries, Optional.empty());
    }

    /**
     * Sends one outbox email unless the table says it is done with.
     *
     * @throws RuntimeException when it could not be read or sent now and is worth retrying
     */
    Delivery deliver(String messageId) {
        Optional<QueuedEmail> stored = store.find(messageId);
        if (stored.isEmpty()) {
            LOG.warn("Email {} is no longer in the outbox; nothing to send", messageId);
            return Delivery.SKIPPED_AS_WITHDRAWN;
        }
        QueuedEmail queued = stored.get();
        if (queued.isDone()) {
            LOG.info("Email {} was already {}; skipping the repeated stream record", messageId,
                    queued.sentAt().isPresent() ? "sent at " + queued.sentAt().get()
                            : "given up at " + queued.failedAt().get());
            return Delivery.SKIPPED_AS_DUPLICATE;
        }
        OutboxEmail email = queued.email();
        List<String> problems = EmailRules.problems(email);
        if (!problems.isEmpty()) {
            return giveUp(email, "Malformed outbox email: " + String.join("; ", problems));
        }
        String sesMessageId;
        try {
            sesMessageId = mailer.send(email);
        } catch (EmailRejectedException e) {
            return giveUp(email, e.getMessage());
        }
        recordSent(email, sesMessageId);
        return Delivery.SENT;
    }

    private Delivery giveUp(OutboxEmail email, String reason) {
        LOG.error("Email {} of organisation {} will not be sent: {}", email.messageId(), email.organizationId(), reason);
        if (!store.markFailed(email.messageId(), reason, clock.instant())) {
            LOG.warn("Email {} changed while being given up on; left as it is", email.messageId());
        }
        return Delivery.FAILED;
    }

    /**
     * Once SES has the email, failing the record would send it again on the retry; so a lost race
     * or a failed mark is logged and the email counts as sent.
     */
    private void recordSent(OutboxEmail email, String sesMessageId) {
        try {
            if (store.markSent(email.messageId(), sesMessageId, clock.instant())) {
                LOG.info("Email {} sent as SES message {}", email.messageId(), sesMessageId);
            } else {
                LOG.warn("Email {} sent as SES message {}, but another delivery had already marked it sent (or it was "
                        + "deleted): the recipients may get it twice", email.messageId(), sesMessageId);
            }
        } catch (SdkException e) {
            LOG.error("Email {} sent as SES message {}, but recording that failed; a replay of its stream record "
                    + "would send it again", email.messageId(), sesMessageId, e);
        }
    }
}
