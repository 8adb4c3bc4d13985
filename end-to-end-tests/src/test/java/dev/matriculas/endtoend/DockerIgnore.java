package dev.matriculas.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore}, matched as Docker matches them: {@code *} and {@code ?} within one path
 * element, {@code **} across any number of them, {@code !} to bring a path back, the last matching line deciding.
 */
record DockerIgnore(List<String> lines) {

    static DockerIgnore read(Path path) {
        try {
            return new DockerIgnore(Files.readAllLines(path).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code path} (relative to the build context, with '/') stays out of it, itself or through a parent. */
    boolean excludes(String path) {
        String trimmed = path.replaceAll("^\\./|/$", "");
        List<String> candidates = new ArrayList<>();
        for (int slash = trimmed.indexOf('/'); slash > 0; slash = trimmed.indexOf('/', slash + 1)) {
            candidates.add(trimmed.substring(0, slash));
        }
        candidates.add(trimmed);
        return candidates.stream().anyMatch(this::matches);
    }

    private boolean matches(String path) {
        boolean excluded = false;
        for (String line : lines) {
            boolean exception = line.startsWith("!");
            String pattern = (exception ? line.substring(1) : line).replaceAll("^/|/$", "");
            if (regex(pattern).matcher(path).matches()) {
                excluded = !exception;
            }
        }
        return excluded;
    }

    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
