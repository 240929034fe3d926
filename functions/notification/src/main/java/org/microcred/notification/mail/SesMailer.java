package org.microcred.notification.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends an outbox email through SES v2 as simple content (SES builds the MIME message) from the
 * one verified address, with the organisation as display name. Only refusals that would repeat
 * for this email become {@link EmailRejectedException}; throttling, outages, timeouts and an
 * unverified sender propagate so the stream retries them.
 */
public class SesMailer {
    /**
     * Well inside the function's timeout, so an SES stall fails one email (retried from there)
     * rather than timing out the whole invocation.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, SesV2Client> CLIENTS = new ConcurrentHashMap<>();
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SesV2Client ses;
    private final String mailFrom;

    public SesMailer(SesV2Client ses, String mailFrom) {
        this.ses = ses;
        this.mailFrom = mailFrom;
    }

    /** The SES client for this environment (the emulator when {@code MICROCRED_SES_ENDPOINT} is set), built once. */
    public static SesV2Client client(FunctionEnvironment environment) {
        Optional<String> endpoint = environment.optional(FunctionEnvironment.SES_ENDPOINT);
        return CLIENTS.computeIfAbsent(endpoint.orElse("aws"), key -> {
            var builder = SesV2Client.builder()
                    .httpClient(AwsClients.httpClient())
                    .region(AwsClients.region(environment))
                    .credentialsProvider(AwsClients.credentials(endpoint))
                    .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
            endpoint.map(URI::create).ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    /**
     * Hands the email to SES.
     *
     * @return the SES message id
     * @throws EmailRejectedException if SES refuses this email for good
     */
    public String send(OutboxEmail email) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(SenderAddress.format(email.fromName(), mailFrom))
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(message(email)));
        if (email.replyTo() != null && !email.replyTo().isBlank()) {
            request.replyToAddresses(email.replyTo());
        }
        try {
            return ses.sendEmail(request.build()).messageId();
        } catch (BadRequestException | MessageRejectedException e) {
            // These fail the same way every time for this email. Throttling (TooManyRequests,
            // LimitExceeded), a paused account or an unverified sender are not about this email:
            // they propagate, are retried, and are dead-lettered if they last.
            if (e instanceof MessageRejectedException rejected && senderNotVerified(rejected)) {
                throw rejected;
            }
            throw new EmailRejectedException("SES refused the email: " + e.awsErrorDetails().errorMessage(), e);
        }
    }

    /**
     * SES answers MessageRejected "Email address is not verified. The following identities failed
     * the check in region ...: ..." both for a recipient the sandbox does not admit (this email's
     * fault) and for our own sender (the deployment's: every email would be refused alike, so
     * giving each up would lose them all). The sender is named in the list only in the second case.
     */
    private boolean senderNotVerified(MessageRejectedException e) {
        String message = Optional.ofNullable(e.awsErrorDetails().errorMessage()).orElse("").toLowerCase(Locale.ROOT);
        return message.contains("not verified") && message.contains(mailFrom.toLowerCase(Locale.ROOT));
    }

    private static Message message(OutboxEmail email) {
        Body.Builder body = Body.builder();
        if (!email.html().isBlank()) {
            body.html(utf8(email.html()));
        }
        if (!email.text().isBlank()) {
            body.text(utf8(email.text()));
        }
        // A line break has no place in a Subject header; never let one reach the MIME message.
        return Message.builder().subject(utf8(email.subject().replaceAll("\\R", " "))).body(body.build()).build();
    }

    private static Content utf8(String data) {
        return Content.builder().charset(UTF_8).data(data).build();
    }
}
