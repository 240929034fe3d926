package org.microcred.organizations.token;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.HashMap;
import java.util.Map;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * PreTokenGenerationFunction: Cognito calls it before it issues tokens (sign-in, refresh,
 * federated sign-in) and puts what it answers into the ID token: {@code custom:orgId} and the
 * {@code cognito:groups} of the caller's membership. Someone who is no member gets neither, so
 * the API answers them 403 instead of trusting stale attributes. A failure to read the records
 * fails the sign-in: no token is better than a wrong one.
 */
public class PreTokenGenerationHandler
        implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PreTokenGenerationHandler.class);

    private final MembershipClaims claims;

    /** Used by AWS Lambda. */
    public PreTokenGenerationHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack's dev identity provider, which mints tokens through this very handler. */
    public PreTokenGenerationHandler(FunctionEnvironment environment) {
        this(membershipClaims(environment));
        Priming.register(this, PreTokenGenerationHandler::prime);
    }

    public PreTokenGenerationHandler(MembershipClaims claims) {
        this.claims = claims;
    }

    private static MembershipClaims membershipClaims(FunctionEnvironment environment) {
        OrganizationsTable table = OrganizationsTable.forEnvironment(environment, environment.required("ORGANIZATIONS_TABLE"));
        return new MembershipClaims(new Members(table), new OrganizationProfiles(table));
    }

    /** SnapStart priming: the claims of a sign-in nobody has (reads the membership records, finds none). */
    private String prime() {
        TokenClaims decided = claims.claimsFor(SignIn.of(Map.of("sub", PrimingRequest.ID,
                "email", PrimingRequest.ID + "@microcred.invalid", "email_verified", "true")));
        return "sign-in of " + PrimingRequest.ID + " -> groups " + decided.groups();
    }

    @Override
    public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event,
                                                                Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            SignIn signIn = SignIn.of(event.getRequest() == null ? null : event.getRequest().getUserAttributes());
            TokenClaims decided = claims.claimsFor(signIn);
            LOG.info("{} for {}: organisation {}, groups {}", event.getTriggerSource(), signIn.userId(),
                    decided.organizationId(), decided.groups());
            event.setResponse(response(decided, signIn.userId()));
            return event;
        });
    }

    static CognitoUserPoolPreTokenGenerationEvent.Response response(TokenClaims decided, String sub) {
        CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails details =
                new CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails();
        Map<String, String> added = new HashMap<>();
        if (decided.userId() != null && !decided.userId().equals(sub)) {
            // A federated account (Google_..., Entra_...) has its own sub; the API must know the
            // person by the id their membership, enrolments and coach pools use.
            added.put(Caller.CLAIM_USER_ID, decided.userId());
        }
        if (decided.organizationId() != null) {
            added.put(Caller.CLAIM_ORGANIZATION, decided.organizationId());
            details.setClaimsToAddOrOverride(added);
        } else {
            if (!added.isEmpty()) {
                details.setClaimsToAddOrOverride(added);
            }
            // An attribute left on the account from older data must not speak for it.
            details.setClaimsToSuppress(new String[] {Caller.CLAIM_ORGANIZATION});
        }
        CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration groups =
                new CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration();
        groups.setGroupsToOverride(decided.groups().toArray(String[]::new));
        details.setGroupOverrideDetails(groups);
        CognitoUserPoolPreTokenGenerationEvent.Response response = new CognitoUserPoolPreTokenGenerationEvent.Response();
        response.setClaimsOverrideDetails(details);
        return response;
    }
}
