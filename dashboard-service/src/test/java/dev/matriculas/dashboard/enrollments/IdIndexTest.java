package dev.matriculas.dashboard.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

class IdIndexTest {

    private final Ids ids = new Ids(100_000);
    private final IdIndex index = new IdIndex(ids);
    private int rows;

    private int add(String id, ToIntFunction<String> hash) {
        int row = rows++;
        ids.set(row, Ids.utf8(id));
        index.add(hash.applyAsInt(id), row);
        return row;
    }

    private int find(String id, ToIntFunction<String> hash) {
        return index.find(Ids.utf8(id), hash.applyAsInt(id));
    }

    private static int realHash(String id) {
        return Ids.hash(Ids.utf8(id));
    }

    @Test
    void findsEveryIdItWasGivenAndNothingElse() {
        for (int i = 0; i < 10_000; i++) {
            add("id-" + i, IdIndexTest::realHash);
        }

        assertThat(index.size()).isEqualTo(10_000);
        assertThat(find("id-0", IdIndexTest::realHash)).isZero();
        assertThat(find("id-9999", IdIndexTest::realHash)).isEqualTo(9999);
        assertThat(find("id-10000", IdIndexTest::realHash)).isEqualTo(-1);
    }

    @Test
    void agreesWithAHashMapUnderRandomAddsAndRemovesWithCollidingHashes() {
        // Three hashes for all the ids: every probe meets ids of the same hash that are not the one sought.
        ToIntFunction<String> colliding = id -> id.length() % 3;
        Random random = new Random(7);
        Map<String, Integer> expected = new HashMap<>();
        for (int step = 0; step < 50_000; step++) {
            String id = "id-" + random.nextInt(400);
            Integer row = expected.get(id);
            if (row == null) {
                expected.put(id, add(id, colliding));
            } else if (random.nextBoolean()) {
                index.remove(colliding.applyAsInt(id), row);
                ids.clear(row);
                expected.remove(id);
            }
        }

        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((id, row) -> assertThat(find(id, colliding)).as(id).isEqualTo(row));
        for (int i = 0; i < 400; i++) {
            String id = "id-" + i;
            assertThat(find(id, colliding)).isEqualTo(expected.getOrDefault(id, -1));
        }
    }
}
