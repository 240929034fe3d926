package org.microcred.emulators;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Turns down the emulators' own logging. DynamoDB Local logs a stack trace at WARN for every
 * failed conditional write, which microcred does on purpose all the time; S3Proxy and Jetty
 * are chatty too. Whatever log configuration the JVM has, these stay quiet.
 */
final class EmulatorLogging {
    private EmulatorLogging() {
    }

    static void quiet() {
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Configurator.setLevel("org.gaul.s3proxy", Level.ERROR);
        Configurator.setLevel("org.jclouds", Level.WARN);
        Configurator.setLevel("org.eclipse.jetty", Level.WARN);
        Configurator.setLevel("org.gaul.shaded.org.eclipse.jetty", Level.WARN);
    }
}
