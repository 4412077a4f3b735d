package io.halcyon.rdl.compiler.preprocess;

import java.util.List;

/**
 * Preprocessed text plus the marks that map it back to the original files. A mark says "from this
 * output offset on, text comes from file:line:column"; newlines after the mark advance the line.
 * Marks let included files and macro expansions keep exact diagnostics positions.
 */
public record SourceText(String text, List<Mark> marks) {

    /** Start of a run of output text that comes from one place in one file. */
    public record Mark(int offset, String file, int line, int column) {
    }
}
