package org.microcred.notification;

import org.microcred.shared.config.FunctionEnvironment;

/** NotificationFunction's settings; names match its Environment in template.yaml. */
public record NotificationConfig(String learningTable, String mailFrom) {
    public static NotificationConfig from(FunctionEnvironment environment) {
        return new NotificationConfig(environment.required("LEARNING_TABLE"), environment.required("MAIL_FROM"));
    }
}
