package org.microcred.organizations.token;

import java.util.Locale;
import java.util.Map;

/**
 * Who is signing in, as the user pool describes them in a trigger event.
 *
 * @param federated signed in through a district's own identity provider (Google Workspace,
 *                  Microsoft Entra ID): the pool made the account at first sign-in
 */
public record SignIn(String userId, String email, boolean emailVerified, boolean federated) {

    /** From the event's {@code request.userAttributes}. */
    public static SignIn of(Map<String, String> attributes) {
        Map<String, String> a = attributes == null ? Map.of() : attributes;
        String email = a.get("email");
        boolean federated = a.containsKey("identities") || "EXTERNAL_PROVIDER".equals(a.get("cognito:user_status"));
        return new SignIn(a.get("sub"), email == null ? null : email.strip().toLowerCase(Locale.ROOT),
                "true".equalsIgnoreCase(a.get("email_verified")), federated);
    }
}
