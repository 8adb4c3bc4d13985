package dev.matriculas.dashboard.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdIndexTest {

    private final List<String> ids = new ArrayList<>();
    private final IdIndex index = new IdIndex(ids::get);

    private int add(String id) {
        ids.add(id);
        index.add(id, ids.size() - 1);
        return ids.size() - 1;
    }

    @Test
    void findsEveryIdItWasGivenAndNothingElse() {
        for (int i = 0; i < 10_000; i++) {
            add("id-" + i);
        }

        assertThat(index.size()).isEqualTo(10_000);
        assertThat(index.find("id-0")).isZero();
        assertThat(index.find("id-9999")).isEqualTo(9999);
        assertThat(index.find("id-10000")).isEqualTo(-1);
    }

    @Test
    void agreesWithAHashMapUnderRandomAddsAndRemovesWithCollidingHashes() {
        // "Aa" and "BB" have the same hash code, so these ids collide in groups.
        String[] parts = {"Aa", "BB"};
        Random random = new Random(7);
        Map<String, Integer> expected = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            String id = parts[random.nextInt(2)] + parts[random.nextInt(2)] + parts[random.nextInt(2)] + random.nextInt(400);
            Integer row = expected.get(id);
            if (row == null) {
                expected.put(id, add(id));
            } else if (random.nextBoolean()) {
                index.remove(id);
                expected.remove(id);
            }
        }

        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((id, row) -> assertThat(index.find(id)).as(id).isEqualTo(row));
        for (int i = 0; i < 400; i++) {
            String absent = "AaAaAa" + i;
            assertThat(index.find(absent)).isEqualTo(expected.getOrDefault(absent, -1));
        }
    }
}
