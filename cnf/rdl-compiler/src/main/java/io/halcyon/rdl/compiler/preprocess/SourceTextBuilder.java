package io.halcyon.rdl.compiler.preprocess;

import java.util.ArrayList;
import java.util.List;

/** Accumulates preprocessed output together with its origin marks. */
final class SourceTextBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<SourceText.Mark> marks = new ArrayList<>();

    void mark(String file, int line, int column) {
        SourceText.Mark m = new SourceText.Mark(text.length(), file, line, column);
        // Two marks at the same offset: only the later one can ever apply.
        if (!marks.isEmpty() && marks.get(marks.size() - 1).offset() == text.length()) {
            marks.set(marks.size() - 1, m);
        } else {
            marks.add(m);
        }
    }

    void append(char c) {
        text.append(c);
    }

    void append(CharSequence s) {
        text.append(s);
    }

    SourceText build() {
        return new SourceText(text.toString(), List.copyOf(marks));
    }
}
