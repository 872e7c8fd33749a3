package dev.strata.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component's {@code @Export} output that the component may leave unset (its Javadoc says
 * when, e.g. a tier that is off). Every other output is always set, and the component package
 * schema lists it as required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OptionalOutput {
}
