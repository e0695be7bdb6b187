package setsunai.common.web;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * Makes every {@code @NotBlank} (fields and list elements alike) mean "has a visible character": the standard check
 * only skips Java whitespace, so a title of U+00A0, U+0085 or U+3000 alone would pass.
 */
@Singleton
public class VisibleNotBlank implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Check.class);
        configuration.addMapping(mapping);
    }

    public static class Check implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return Text.hasVisible(value);
        }
    }
}
