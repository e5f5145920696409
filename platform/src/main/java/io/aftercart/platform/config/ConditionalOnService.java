package io.aftercart.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Activates a service's auto-configuration only when this process runs that service ({@code aftercart.services}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnServiceCondition.class)
public @interface ConditionalOnService {
    /** The service name, e.g. {@code collector}. */
    String value();
}
