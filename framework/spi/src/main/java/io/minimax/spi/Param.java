package io.minimax.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a {@link PluginSpec} record. The framework fills a missing key from
 * {@link #defaultValue()} before binding, so the record always sees a complete section, and the resolved descriptor
 * written with every run shows the value that was used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param
{
    /** Marks a parameter without a default: the descriptor must set it. */
    String REQUIRED = "\u0000required";

    String description();

    /** The default as YAML text, e.g. {@code 0.2}, {@code relu}, {@code [128, 128]}; {@link #REQUIRED} if none. */
    String defaultValue() default REQUIRED;
}
