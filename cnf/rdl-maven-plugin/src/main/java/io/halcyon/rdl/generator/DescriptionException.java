package io.halcyon.rdl.generator;

import java.util.List;

/** The description is wrong; each line is one problem, {@code file:line:column: message} where known. */
public final class DescriptionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public DescriptionException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
