package dev.matriculas.producer.generator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import dev.matriculas.contract.Enrollment;
import net.datafaker.Faker;
import net.datafaker.providers.base.Bool;
import net.datafaker.providers.base.Number;
import net.datafaker.providers.base.Options;
import net.datafaker.service.RandomService;
import org.springframework.stereotype.Component;

/**
 * Makes up enrollments by the domain's rules. Datafaker draws every random value, from one seeded
 * source, so a given seed gives the same sequence; the ids come from elsewhere and are always unique.
 * Thread-safe: the loop and a burst may draw at the same time.
 */
@Component
public class EnrollmentGenerator {

    static final List<String> SEXES = List.of("Masculino", "Feminino", "Não Declarado");
    static final List<String> PAYMENTS =
            List.of("Crédito", "Débito", "Dinheiro", "Pix", "Boleto à Vista", "Boleto Carnê", "Outros");

    private static final double YOUNG_ADULT_SHARE = 0.7;
    private static final double NEAR_START_SHARE = 0.8;
    private static final int ADULT_AGE = 21;

    // Datafaker's providers, looked up once: a lookup per draw costs more than the draw (see the benchmark).
    private final Options options;
    private final Number number;
    private final Bool bool;
    private final RandomService random;
    private final EnrollmentIds ids;
    private final LocalDate termStart;

    public EnrollmentGenerator(GeneratorProperties properties, Clock clock) {
        Faker faker = new Faker(properties.seed() == null ? new Random() : new Random(properties.seed()));
        this.options = faker.options();
        this.number = faker.number();
        this.bool = faker.bool();
        this.random = faker.random();
        this.ids = new EnrollmentIds(clock);
        this.termStart = properties.termStart();
    }

    public synchronized Enrollment next() {
        Course course = options.option(Course.class);
        Shift shift = options.option(Shift.class);
        LocalDate courseStart = course.start(shift, termStart);
        int age = age();
        return new Enrollment(
                ids.next(),
                course.label(),
                shift.label(),
                course.durationSemesters(shift),
                courseStart,
                age,
                options.nextElement(SEXES),
                age > ADULT_AGE || bool.bool() ? "Sim" : "Não",
                options.nextElement(PAYMENTS),
                enrollmentDate(courseStart));
    }

    /** Mostly young adults (18..25), otherwise anyone from 14 to 99. */
    private int age() {
        return chance(YOUNG_ADULT_SHARE) ? between(18, 25) : between(14, 99);
    }

    /** Mostly in the month around the course start, otherwise anywhere from 16 weeks before to 2 after. */
    private LocalDate enrollmentDate(LocalDate courseStart) {
        return chance(NEAR_START_SHARE)
                ? courseStart.plusDays(between(-30, 5))
                : courseStart.plusDays(between(-16 * 7, 2 * 7));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in min..max, both included. */
    private int between(int min, int max) {
        return number.numberBetween(min, max + 1);
    }
}
