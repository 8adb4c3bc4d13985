package dev.matriculas.dashboard.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void keepsEveryIdReadableWhileRemovedOnesMakeWayForNewOnes() {
        int rows = 200_000;
        Ids ids = new Ids(rows);
        String[] expected = new String[rows];
        for (int row = 0; row < rows / 2; row++) {
            expected[row] = "matrícula-" + row;
            ids.set(row, Ids.utf8(expected[row]));
        }
        List<Integer> removed = new ArrayList<>();
        for (int row = 0; row < rows / 2; row++) {
            removed.add(row);
        }
        Collections.shuffle(removed, new Random(3));
        // Nine in ten go, then as many new ids come: the array is packed on the way, more than once.
        for (int row : removed.subList(0, rows * 9 / 20)) {
            ids.clear(row);
            expected[row] = null;
        }
        for (int row = rows / 2; row < rows; row++) {
            expected[row] = "novo-" + row;
            ids.set(row, Ids.utf8(expected[row]));
        }

        for (int row = 0; row < rows; row++) {
            assertThat(ids.has(row)).as("row %d", row).isEqualTo(expected[row] != null);
            if (expected[row] != null) {
                assertThat(ids.get(row)).isEqualTo(expected[row]);
                assertThat(ids.is(row, Ids.utf8(expected[row]))).isTrue();
                assertThat(ids.hash(row)).isEqualTo(Ids.hash(Ids.utf8(expected[row])));
            }
        }
    }

    @Test
    void ordersIdsByCodePoint() {
        Ids ids = new Ids(4);
        String[] values = {"a", "b", "é", "😀"};
        for (int row = 0; row < values.length; row++) {
            ids.set(row, Ids.utf8(values[row]));
        }

        assertThat(ids.compare(0, 1)).isNegative();
        assertThat(ids.compare(2, 1)).isPositive();
        assertThat(ids.compare(3, 2)).isPositive();
        assertThat(ids.compare(1, 1)).isZero();
    }
}
