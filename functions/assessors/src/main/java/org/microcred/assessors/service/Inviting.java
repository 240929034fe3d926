package org.microcred.assessors.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.model.InviteRequest;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.HeldBadge;
import org.microcred.assessors.web.InvitationLinks;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.organizations.CoachPool;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.text.PlainText;

/**
 * An org admin invites an educator who holds an active badge of one of the organisation's
 * micro-credentials to assess it. One invitation per (organisation, educator, micro-credential):
 * asking again returns it; an expired, unaccepted one is renewed with a new link.
 */
public class Inviting {
    /** docs/openapi.yaml's MicroCredentialId; anything else names nothing, and must not reach a key. */
    private static final Pattern MICRO_CREDENTIAL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");
    /** Cognito user ids are 36 characters; the longest address RFC 5321 allows is 254. */
    private static final int MAX_USER_ID = 128;
    private static final int MAX_EMAIL = 254;

    private final AssessorStore store;
    private final BadgeRecords badges;
    private final CatalogReader catalog;
    private final LearningStore learning;
    private final InvitationLinks links;
    private final AssessorEmails emails;
    private final String apiUrl;
    private final Clock clock;

    public Inviting(AssessorStore store, BadgeRecords badges, CatalogReader catalog, LearningStore learning,
                    InvitationLinks links, AssessorEmails emails, String apiUrl, Clock clock) {
        this.store = store;
        this.badges = badges;
        this.catalog = catalog;
        this.learning = learning;
        this.links = links;
        this.emails = emails;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.clock = clock;
    }

    /** The invitation and whether this call wrote (or renewed) it. */
    public record Invited(Assessor assessor, boolean written) {
    }

    public Invited invite(Caller caller, String organizationId, InviteRequest request) {
        caller.requireAdminOf(organizationId);
        validate(request);
        CatalogReader.Version offered = catalog.latest(request.microCredentialId())
                .filter(version -> organizationId.equals(version.organizationId()))
                .orElseThrow(() -> new NotFound("Your organisation offers no published micro-credential "
                        + request.microCredentialId() + "."));
        AssessorStore.Member member = invitee(organizationId, request);
        requireActiveBadge(member, offered);
        Optional<CoachPool> pool = store.pool(organizationId, offered.microCredentialId());
        if (store.coach(organizationId, member.userId()).filter(coach -> coach.coachesLive(offered.microCredentialId(),
                offered.collection(), pool)).isPresent()) {
            throw new Conflict("already-coach", "Already a coach", member.name() + " already coaches "
                    + offered.title() + " in your organisation's pool; there is nothing to invite them to.");
        }
        Instant now = clock.instant();
        Optional<Assessor> existing = store.assessor(organizationId, member.userId(), offered.microCredentialId());
        if (existing.isPresent() && (existing.get().status() != AssessorStatus.INVITED
                || Instant.parse(existing.get().linkExpiresAt()).isAfter(now))) {
            return new Invited(existing.get(), false);
        }
        int revision = existing.map(a -> a.revision() + 1).orElse(1);
        Instant expires = now.plus(links.validity());
        Assessor invited = new Assessor(organizationId, offered.microCredentialId(), offered.title(), member.userId(),
                member.name(), member.email(), AssessorStatus.INVITED, revision,
                request.minimumKappa() == null ? InviteRequest.DEFAULT_MINIMUM_KAPPA : request.minimumKappa(),
                request.minimumExactAgreement(), Timestamps.format(now), caller.userId(), Timestamps.format(expires),
                null, null, 0, null);
        String link = apiUrl + "/assessor-invitations/" + links.issue(organizationId, invited.microCredentialId(),
                invited.userId(), revision, expires);
        String organizationName = store.organizationName(organizationId).orElse(organizationId);
        try {
            learning.commit(learning.newWrite()
                    .item(store.writes().putInvitation(invited, existing.map(Assessor::revision).orElse(null)))
                    .email(emails.invitation(invited, organizationName, link, Timestamps.format(now))));
            return new Invited(invited, true);
        } catch (ConcurrentChangeException e) {
            // A simultaneous identical invitation won: answer with it.
            return store.assessor(organizationId, member.userId(), offered.microCredentialId())
                    .map(assessor -> new Invited(assessor, false))
                    .orElseThrow(() -> new Conflict("The invitation changed while it was being sent; "
                            + "send it again."));
        }
    }

    private static void validate(InviteRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean byId = request.userId() != null && !request.userId().isBlank();
        boolean byEmail = request.email() != null && !request.email().isBlank();
        if (byId == byEmail) {
            errors.add(new FieldError(byId ? "email" : "userId", "give exactly one of userId and email"));
        }
        if (byId && (request.userId().length() > MAX_USER_ID || !PlainText.isOneLine(request.userId()))) {
            errors.add(new FieldError("userId", "is not the id of anyone's account"));
        }
        if (byEmail && (request.email().length() > MAX_EMAIL || !PlainText.isOneLine(request.email())
                || !request.email().contains("@"))) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (request.microCredentialId() == null || request.microCredentialId().isBlank()) {
            errors.add(new FieldError("microCredentialId", "is required"));
        } else if (!MICRO_CREDENTIAL_ID.matcher(request.microCredentialId()).matches()) {
            errors.add(new FieldError("microCredentialId", "is not a micro-credential id"));
        }
        range(errors, "minimumKappa", request.minimumKappa());
        range(errors, "minimumExactAgreement", request.minimumExactAgreement());
        if (!errors.isEmpty()) {
            throw new Invalid(errors.size() + " problem(s) with the invitation: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).toList() + ".", errors);
        }
    }

    private static void range(List<FieldError> errors, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            errors.add(new FieldError(field, "must be between 0 and 1"));
        }
    }

    private AssessorStore.Member invitee(String organizationId, InviteRequest request) {
        boolean byId = request.userId() != null && !request.userId().isBlank();
        Optional<AssessorStore.Member> member = byId ? store.member(organizationId, request.userId())
                : store.memberByEmail(organizationId, request.email());
        return member.filter(m -> m.email() != null && !m.email().isBlank()).orElseThrow(() -> new RuleBroken(
                "not-a-member", "Not a member", (byId ? request.userId() : request.email()) + " is not a member of "
                        + "your organisation; only members can become its assessors.",
                List.of(new FieldError(byId ? "userId" : "email", "is not a member of the organisation"))));
    }

    private void requireActiveBadge(AssessorStore.Member member, CatalogReader.Version offered) {
        List<HeldBadge> held = badges.held(member.userId(), offered.microCredentialId());
        if (held.stream().anyMatch(HeldBadge::isActive)) {
            return;
        }
        String detail = held.isEmpty()
                ? member.name() + " does not hold the badge of " + offered.title()
                        + "; only educators who earned it can assess it."
                : member.name() + "'s badge for " + offered.title() + " was revoked; only holders of an active badge "
                        + "can assess it.";
        throw new RuleBroken(held.isEmpty() ? "badge-required" : "badge-revoked", "Badge required", detail,
                List.of(new FieldError("microCredentialId", held.isEmpty() ? "the invitee holds no badge for it"
                        : "the invitee's badge for it is revoked")));
    }
}
