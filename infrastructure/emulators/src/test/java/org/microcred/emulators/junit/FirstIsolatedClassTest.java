package org.microcred.emulators.junit;

class FirstIsolatedClassTest extends IsolatedWriter {
    FirstIsolatedClassTest() {
        super("first");
    }
}
