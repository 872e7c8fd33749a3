package dev.strata.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an Args field that takes one of a fixed set of values (or a list of them): the enum whose
 * constants are those values, so that the component package schema offers them as an enum type
 * (the field stays a {@code String}, as the API and the stack file spell it, and its Args'
 * {@code validate} refuses any other value).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneOf {
    /** The enum of the allowed values. */
    Class<? extends Enum<?>> value();

    /**
     * The enum's no-argument method that spells a constant as the field takes it, e.g.
     * {@code apiValue}. Default: {@code name}.
     */
    String spelled() default "name";

    /**
     * The enum's no-argument boolean method that tells the constants the field accepts, when it
     * accepts only some (e.g. {@code nodesMount}). Default: every constant.
     */
    String accepted() default "";

    /** The enum type's name in the schema. Default: the enum's simple name. */
    String schemaName() default "";
}
