package dev.matriculas.producer.publishing;

/** The ranges the control API and the settings accept, in one place so that messages and checks agree. */
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

    /** Reads the {@code perSecond} parameter as given: missing, malformed or out of range all get the range. */
    static int rate(String perSecond) {
        return checkRate(wholeNumber("perSecond", perSecond, MIN_RATE, MAX_RATE));
    }

    /** Reads the {@code count} parameter as given: missing, malformed or out of range all get the range. */
    static int burst(String count) {
        return checkBurst(wholeNumber("count", count, MIN_BURST, MAX_BURST));
    }

    private static int wholeNumber(String name, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(range(name, min, max) + ", and it is missing");
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(range(name, min, max) + ", got '" + abbreviate(text) + "'");
        }
    }

    private static int check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(range(name, min, max) + ", got " + value);
        }
        return value;
    }

    private static String range(String name, int min, int max) {
        return name + " must be a whole number from " + min + " to " + max;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
