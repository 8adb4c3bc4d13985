package dev.matriculas.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void anyValueARecordMayHoldCanBeChosenCountedInCharactersAsTheContractCountsThem() {
        String hundredEmoji = "😀".repeat(100);

        assertThat(new Filter(hundredEmoji, null, null, null).course()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> new Filter(hundredEmoji + "😀", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("course must be at most 100 characters long");
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
