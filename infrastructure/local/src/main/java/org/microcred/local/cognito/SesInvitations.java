package org.microcred.local.cognito;

import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends the invitation Cognito would send a new account (template.yaml's
 * {@code InviteMessageTemplate}) to the SES emulator, so it shows in the local web inbox.
 */
public final class SesInvitations implements InvitationSender {
    private static final String FROM = "no-reply@microcred.example";

    private final SesV2Client ses;

    public SesInvitations(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public void invite(String email, String name, String temporaryPassword) {
        String text = "Hello " + name + ",\n\n"
                + "You have been added to microcred, where your school's micro-credentials are earned.\n"
                + "Sign in with your email address " + email + " and the temporary password " + temporaryPassword
                + "; you will choose your own password at first sign-in.\n\n"
                + "(Local stack: sign in with the token listed for you at /_local/tokens.)\n";
        ses.sendEmail(request -> request.fromEmailAddress(FROM)
                .destination(destination -> destination.toAddresses(email))
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data("Your microcred account"))
                        .body(body -> body.text(part -> part.data(text))))));
    }
}
