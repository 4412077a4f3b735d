package io.halcyon.rdl.compiler.preprocess;

import io.halcyon.rdl.compiler.diag.SourceLocation;

import java.util.List;

/**
 * Preprocessed text plus the marks that map it back to the original files. A mark says "from this
 * output offset on, text comes from this place"; newlines and characters after a plain mark advance
 * line and column, so text copied from a file keeps exact positions. A {@code generated} mark is text
 * a preprocessor made (a Perl expression's value, a macro expansion): every position in it is the
 * place it was made at, since its characters stand nowhere in a file.
 */
public record SourceText(String text, List<Mark> marks) {

    /** Start of a run of output text that comes from one place in one file. */
    public record Mark(int offset, SourceLocation origin, boolean generated) {
    }

    /** Text read from a file as it is: one mark at its start. */
    public static SourceText of(String text, SourceLocation start) {
        return new SourceText(text, List.of(new Mark(0, start, false)));
    }
}
