package dev.matriculas.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The instructions of a Dockerfile, continuation lines joined and comments left out, grouped by stage. */
record Dockerfile(Path path, List<List<Instruction>> stages) {

    /** One instruction, e.g. {@code COPY --from=build /layers/application/ ./}. */
    record Instruction(String keyword, String arguments) {

        List<String> words() {
            return Arrays.asList(arguments.trim().split("\\s+"));
        }

        /** The arguments less the leading {@code --flag}s. */
        List<String> operands() {
            return words().stream().dropWhile(word -> word.startsWith("--")).toList();
        }

        boolean hasFlag(String prefix) {
            return words().stream().takeWhile(word -> word.startsWith("--")).anyMatch(word -> word.startsWith(prefix));
        }
    }

    static Dockerfile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String[] keywordAndArguments = pending.append(trimmed).toString().split("\\s+", 2);
            pending.setLength(0);
            Instruction instruction = new Instruction(keywordAndArguments[0].toUpperCase(Locale.ROOT),
                    keywordAndArguments.length > 1 ? keywordAndArguments[1] : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            if (stages.isEmpty()) {
                throw new IllegalStateException(path + " has " + instruction.keyword() + " before any FROM");
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return new Dockerfile(path, stages);
    }

    /** The image each stage starts from. */
    List<String> baseImages() {
        return stages.stream().map(stage -> stage.get(0).operands().get(0)).toList();
    }

    List<Instruction> buildStage() {
        return stages.get(0);
    }

    /** The stage the image is made of. */
    List<Instruction> runStage() {
        return stages.get(stages.size() - 1);
    }

    static List<Instruction> all(List<Instruction> stage, String keyword) {
        return stage.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /** Paths copied from the build context (not from another stage), in order. */
    List<String> contextSources() {
        return stages.stream().flatMap(List::stream)
                .filter(instruction -> instruction.keyword().equals("COPY") && !instruction.hasFlag("--from"))
                .flatMap(copy -> copy.operands().subList(0, copy.operands().size() - 1).stream())
                .toList();
    }
}
