package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

/**
 * Where an offset of a {@link SourceText} comes from, for offsets asked in increasing order (as a
 * scanner or lexer goes through the text): the last mark at or before it, plus the lines and
 * columns travelled since that mark unless the mark is {@code generated}.
 */
public final class SourceCursor {

    private final String text;
    private final List<SourceText.Mark> marks;
    private int markIndex = -1;
    private int offset;
    private SourceLocation origin;
    private boolean generated;
    private int line;
    private int column;

    public SourceCursor(SourceText source) {
        this.text = source.text();
        this.marks = source.marks();
        this.origin = new SourceLocation("<input>", 1, 1);
        this.line = 1;
        this.column = 1;
    }

    /** The original place of {@code target}, which must not be before an offset asked earlier. */
    public SourceLocation locate(int target) {
        while (offset < target) {
            applyMarks(offset);
            step(text.charAt(offset));
            offset++;
        }
        applyMarks(target);
        return generated ? origin : new SourceLocation(origin.file(), line, column, origin.includedFrom());
    }

    /** True when {@code target} lies in text a preprocessor made rather than copied (call after {@link #locate}). */
    public boolean generated() {
        return generated;
    }

    private void step(char c) {
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    private void applyMarks(int at) {
        while (markIndex + 1 < marks.size() && marks.get(markIndex + 1).offset() <= at) {
            markIndex++;
            SourceText.Mark m = marks.get(markIndex);
            origin = m.origin();
            generated = m.generated();
            line = origin.line();
            column = origin.column();
            // A mark behind the cursor: recount the distance travelled since it.
            for (int i = m.offset(); i < at; i++) {
                step(text.charAt(i));
            }
        }
    }
}
