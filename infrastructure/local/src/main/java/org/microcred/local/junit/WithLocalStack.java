package org.microcred.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test class gets a {@link RunningStack} parameter: the whole local stack, in memory. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalStackExtension.class)
public @interface WithLocalStack {
    /** Load the demo catalog (through the API) before the first test. */
    boolean seeded() default false;
}
