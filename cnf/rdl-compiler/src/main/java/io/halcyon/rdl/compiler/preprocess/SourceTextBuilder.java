package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/** Accumulates preprocessed output together with its origin marks. */
final class SourceTextBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<SourceText.Mark> marks = new ArrayList<>();

    /** From here on, output comes from {@code origin} (made there, not copied, when {@code generated}). */
    void mark(SourceLocation origin, boolean generated) {
        SourceText.Mark m = new SourceText.Mark(text.length(), origin, generated);
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
