package org.microcred.emulators.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithEmulators
class NestedStackTest {
    private static TestStack outerStack;

    @BeforeAll
    static void remember(TestStack stack) {
        outerStack = stack;
    }

    @Test
    void everyTestOfTheClass_getsTheSameStack(TestStack stack) {
        assertThat(stack).isSameAs(outerStack);
    }

    @Nested
    class Inner {
        @Test
        void nestedClass_getsTheOuterClassesStack(TestStack stack) {
            assertThat(stack).isSameAs(outerStack);
        }
    }
}
