package org.microcred.local.identity;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.local.cognito.LocalCognito;
import org.microcred.local.cognito.LocalUser;
import org.microcred.local.cognito.LocalUserPool;
import org.microcred.local.lambda.LocalFunction;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.shared.identity.Caller;

/**
 * The accounts of the local user pool, each signed in the way Cognito signs people in: the
 * template's Pre Token Generation trigger (the real handler, with its environment) is invoked
 * with a Cognito-shaped event and its answer decides the token's organisation and roles. So a
 * member added, imported, given a role or deactivated through the API is listed with exactly
 * what their next token in AWS would say.
 */
public final class PoolMembers implements DevUsers {
    /** The trigger's logical id in template.yaml. */
    public static final String TRIGGER = "PreTokenGenerationFunction";

    private final LocalUserPool pool;
    private final LocalFunction trigger;
    private final OrganizationProfiles profiles;

    public PoolMembers(LocalUserPool pool, LocalFunction trigger, OrganizationProfiles profiles) {
        this.pool = pool;
        this.trigger = trigger;
        this.profiles = profiles;
    }

    @Override
    public List<DevUser> users() {
        return pool.users().stream().filter(LocalUser::enabled).map(this::signIn).toList();
    }

    @Override
    public Optional<DevUser> user(String id) {
        return pool.byUsername(id).filter(LocalUser::enabled).map(this::signIn);
    }

    @Override
    public Optional<String> organizationName(String organizationId) {
        return profiles.find(organizationId).map(OrganizationProfile::name);
    }

    private DevUser signIn(LocalUser account) {
        CognitoUserPoolPreTokenGenerationEvent answered = (CognitoUserPoolPreTokenGenerationEvent) trigger.invoke(
                event(account));
        CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails details =
                answered.getResponse() == null ? null : answered.getResponse().getClaimsOverrideDetails();
        String organizationId = null;
        List<String> groups = List.of();
        if (details != null) {
            Map<String, String> added = details.getClaimsToAddOrOverride();
            organizationId = added == null ? null : added.get(Caller.CLAIM_ORGANIZATION);
            if (details.getGroupOverrideDetails() != null && details.getGroupOverrideDetails().getGroupsToOverride() != null) {
                groups = List.of(details.getGroupOverrideDetails().getGroupsToOverride());
            }
        }
        return new DevUser(account.sub(), account.email(), account.attribute("name").orElse(account.email()),
                organizationId, groups);
    }

    /** What Cognito sends the trigger when someone signs in with their password. */
    private static CognitoUserPoolPreTokenGenerationEvent event(LocalUser account) {
        Map<String, String> attributes = new HashMap<>(account.attributes());
        attributes.put("sub", account.sub());
        attributes.putIfAbsent("email_verified", "true");
        attributes.put("cognito:user_status", account.status().name());
        CognitoUserPoolPreTokenGenerationEvent event = new CognitoUserPoolPreTokenGenerationEvent();
        event.setVersion("1");
        event.setTriggerSource("TokenGeneration_Authentication");
        event.setRegion("us-east-1");
        event.setUserPoolId(LocalCognito.USER_POOL_ID);
        event.setUserName(account.username());
        CognitoUserPoolPreTokenGenerationEvent.Request request = new CognitoUserPoolPreTokenGenerationEvent.Request();
        request.setUserAttributes(attributes);
        request.setGroupConfiguration(new CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration());
        event.setRequest(request);
        return event;
    }
}
