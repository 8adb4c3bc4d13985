package dev.matriculas.dashboard.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
