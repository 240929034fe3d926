package org.microcred.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.microcred.catalog.model.AuthoredPage;
import org.microcred.catalog.model.AuthoringView;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.catalog.AuthoredEntry;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.records.catalog.MicroCredential;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.records.catalog.SearchCard;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.core.Page;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * How an organisation's admins author their micro-credentials: draft, edit, publish an immutable
 * numbered version (educators enrolled on version 1 keep version 1), retire. Only admins of the
 * owning organisation may touch one.
 */
public class CatalogAuthoring {
    private final CatalogStore store;
    private final Clock clock;

    public CatalogAuthoring(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a draft owned by the caller's organisation. With an idempotency key, a retry of the
     * same create returns the draft the first attempt made instead of a second one.
     */
    public Created create(Caller caller, MicroCredentialDocument document, Optional<String> idempotencyKey) {
        caller.require(Role.ORG_ADMIN);
        if (caller.organizationId() == null) {
            throw new Forbidden("Your account is not linked to an organisation, so it cannot author micro-credentials.");
        }
        DocumentRules.check(document);
        String id = idempotencyKey
                .map(key -> MicroCredentialIds.forIdempotencyKey(document.title(), caller.organizationId(), key))
                .orElseGet(() -> MicroCredentialIds.random(document.title()));
        String now = now();
        MicroCredential draft = new MicroCredential(id, caller.organizationId(), CatalogStatus.DRAFT, 1, 0, 0,
                now, now, document);
        try {
            store.create(draft);
            return new Created(AuthoringView.of(draft), true);
        } catch (ConcurrentChangeException e) {
            MicroCredential existing = store.findDraft(id).orElseThrow(() -> e);
            if (idempotencyKey.isEmpty() || !existing.organizationId().equals(caller.organizationId())) {
                throw new Conflict("A micro-credential with id " + id + " already exists; retry to get a new id.");
            }
            return new Created(AuthoringView.of(existing), false);
        }
    }

    /** The result of a create: the draft, and whether this call made it (false for a replayed retry). */
    public record Created(AuthoringView view, boolean isNew) {
    }

    /**
     * Replaces the draft. Published versions are untouched until the next publish.
     *
     * @param expectedRevision from If-Match: refuse (412) if someone else edited since
     */
    public AuthoringView update(Caller caller, String id, MicroCredentialDocument document,
                                Optional<Long> expectedRevision) {
        MicroCredential current = ownedBy(caller, id);
        if (expectedRevision.isPresent() && expectedRevision.get() != current.revision()) {
            throw new PreconditionFailed("revision-mismatch", "Edited by someone else",
                    "You edited revision " + expectedRevision.get() + " but the draft is now at revision "
                            + current.revision() + ". Reload it, reapply your change and save again.");
        }
        DocumentRules.check(document);
        MicroCredential updated = current.edited(document, now());
        try {
            store.saveDraft(updated, current.revision());
        } catch (ConcurrentChangeException e) {
            throw changedMeanwhile(id);
        }
        return AuthoringView.of(updated);
    }

    /**
     * Publishes the draft as the next immutable version and lists it in the catalog.
     *
     * @throws RuleBroken listing every failed quality criterion; Conflict if nothing changed
     */
    public AuthoringView publish(Caller caller, String id) {
        MicroCredential current = ownedBy(caller, id);
        if (current.status() == CatalogStatus.PUBLISHED && !current.hasUnpublishedChanges()) {
            throw new Conflict("Nothing changed since version " + current.latestVersion()
                    + " was published; edit the draft first.");
        }
        QualityCriteria.require(current.draft());
        String now = now();
        MicroCredential updated = current.published(now);
        PublishedMicroCredential version = new PublishedMicroCredential(id, current.organizationId(),
                updated.latestVersion(), CatalogStatus.PUBLISHED, now, current.draft());
        try {
            store.publish(updated, current.revision(), version, SearchCard.of(version, clock.millis()));
        } catch (ConcurrentChangeException e) {
            throw changedMeanwhile(id);
        }
        return AuthoringView.of(updated);
    }

    /** Takes a published micro-credential off the catalog; its versions stay readable for enrolled educators. */
    public AuthoringView retire(Caller caller, String id) {
        MicroCredential current = ownedBy(caller, id);
        if (current.status() != CatalogStatus.PUBLISHED) {
            throw new Conflict("Only a published micro-credential can be retired; this one is "
                    + current.status().json() + ".");
        }
        MicroCredential updated = current.retired(now());
        PublishedMicroCredential latest = store.findVersion(id, current.latestVersion())
                .orElseThrow(() -> new IllegalStateException("Version " + current.latestVersion() + " of " + id + " is missing"));
        SearchCard card = SearchCard.of(latest.withStatus(CatalogStatus.RETIRED), clock.millis());
        try {
            store.retire(updated, current.revision(), card);
        } catch (ConcurrentChangeException e) {
            throw changedMeanwhile(id);
        }
        return AuthoringView.of(updated);
    }

    /**
     * The organisation's own micro-credentials in every state (a draft saved yesterday
     * included), for its administrators.
     */
    public AuthoredPage authoredBy(Caller caller, String organizationId, Optional<CatalogStatus> status,
                                   Optional<String> cursor, int limit) {
        caller.requireAdminOf(organizationId);
        Page<AuthoredEntry> page = store.authoredBy(organizationId, status, cursor, limit);
        return new AuthoredPage(page.items().stream().map(AuthoredPage.AuthoredItem::of).toList(),
                page.nextCursor().orElse(null));
    }

    private MicroCredential ownedBy(Caller caller, String id) {
        // Role first, so a learner learns nothing about which drafts exist.
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            caller.require(Role.ORG_ADMIN);
        }
        MicroCredential current = (MicroCredentialIds.isWellFormed(id) ? store.findDraft(id) : Optional.<MicroCredential>empty())
                .orElseThrow(() -> new NotFound("There is no micro-credential with id " + id + "."));
        caller.requireAdminOf(current.organizationId());
        return current;
    }

    private static Conflict changedMeanwhile(String id) {
        return new Conflict("Micro-credential " + id + " was changed by another request at the same time; "
                + "reload it and try again.");
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
