package dev.matriculas.producer.publishing;

/** The ranges the control API and the settings accept, in one place so messages and checks agree. */
final class RateLimits {

    static final int MIN_RATE = 1;
    static final int MAX_RATE = 50_000;
    static final int MIN_BURST = 1;
    static final int MAX_BURST = 1_000_000;

    private RateLimits() {
    }

    static int checkRate(int perSecond) {
        return check("perSecond", perSecond, MIN_RATE, MAX_RATE);
    }

    static int checkBurst(int count) {
        return check("count", count, MIN_BURST, MAX_BURST);
    }

    private static int check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
