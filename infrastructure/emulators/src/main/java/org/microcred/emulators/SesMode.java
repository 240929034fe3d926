package org.microcred.emulators;

/** Whether {@link LocalEmulators} starts the SES emulator, which needs node >= 20.19. */
public enum SesMode {
    /** Start it; fail if node is missing. */
    REQUIRED,
    /** Start it when node is available; otherwise run without SES and log why. */
    IF_AVAILABLE,
    /** Do not start it. */
    OFF
}
