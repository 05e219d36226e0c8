package com.covalue.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the snapshot fields a derived value is computed from, so that a rule using the derived
 * value is counted as asking for those fields when they are unknown (data gaps).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DerivedFrom {
    String[] value();
}
