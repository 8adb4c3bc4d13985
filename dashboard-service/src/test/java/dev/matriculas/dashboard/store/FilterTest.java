package dev.matriculas.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class FilterTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anyValueARecordMayHoldCanBeChosenCountedInCharactersAsTheContractCountsThem() {
        String hundredEmoji = "😀".repeat(100);

        assertThat(validator.validate(new Filter(hundredEmoji, null, null, null))).isEmpty();
        assertThat(validator.validate(new Filter(hundredEmoji + "😀", null, null, null)))
                .extracting(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .containsExactly("course must be at most 100 characters long");
    }

    @Test
    void eachFieldIsLimited() {
        String tooLong = "x".repeat(101);

        assertThat(validator.validate(new Filter(tooLong, tooLong, tooLong, tooLong)))
                .extracting(ConstraintViolation::getPropertyPath).map(Object::toString)
                .containsExactlyInAnyOrder("course", "shift", "payment", "sex");
    }

    @Test
    void emptyValuesChooseNothing() {
        assertThat(new Filter("", "", null, "").isEmpty()).isTrue();
    }

    @Test
    void givenNamesTheFieldsChosenInTheirOrder() {
        assertThat(new Filter(null, "Noite", null, "Feminino").given())
                .containsExactly(Map.entry("shift", "Noite"), Map.entry("sex", "Feminino"));
        assertThat(Filter.NONE.given()).isEmpty();
    }
}
