package org.microcred.emulators.junit;

class SecondIsolatedClassTest extends IsolatedWriter {
    SecondIsolatedClassTest() {
        super("second");
    }
}
