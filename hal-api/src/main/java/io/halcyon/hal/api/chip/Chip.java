package io.halcyon.hal.api.chip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property {@value ChipProperties#CHIP}: the chip a component serves, e.g.
 * {@code @Component @Chip("0")} registers its services with {@code halcyon.chip=0}. Reference
 * targets use {@link #FIRST} or {@link ChipProperties#chipFilter(int)}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Chip {

    /** Makes the property name {@code halcyon.chip} from the annotation's name. */
    String PREFIX_ = "halcyon.";

    /** Reference target selecting the first chip's services. */
    String FIRST = "(" + ChipProperties.CHIP + "=0)";

    /** The chip instance, e.g. {@code "0"}. */
    String value();
}
