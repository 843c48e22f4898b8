package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.scoring.Grade;

import java.util.List;

/**
 * A period re-scored under a variant, beside its recorded results: both rankings side by side, each move explained.
 * The recorded results are untouched.
 *
 * @param variant     the variant in words, one change a line
 * @param streets     null where there is no street ranking (periods other than a year, or a caller not shown it)
 * @param streetsNote why {@code streets} is null, or null
 */
public record WhatIfAnswer(String period, boolean confirmed, List<String> variant, Comparison agencies, Comparison streets,
                           String streetsNote) {

    public WhatIfAnswer {
        variant = List.copyOf(variant);
    }

    /**
     * One ranking before and after.
     *
     * @param schemeBefore the scheme the period was scored under
     * @param schemeAfter  the scheme of the re-scoring (a variant's id ends in {@code +what-if})
     * @param moved        how many subjects changed rank
     * @param moves        every subject, in the order of the new ranking
     */
    public record Comparison(String schemeBefore, String schemeAfter, int subjects, int moved, List<Move> moves) {
        public Comparison {
            moves = List.copyOf(moves);
        }
    }

    /**
     * One subject's place before and after, and why.
     *
     * @param tiedBefore  the subjects that shared its rank before (empty when none); {@code tiedAfter} the same after
     * @param rankChange  places gained (positive) or lost (negative)
     * @param explanation the move in words, with the lines that changed most
     * @param lineChanges the lines whose points changed, the biggest change first (at most 5)
     */
    public record Move(String subjectId, String streetCode, int rankBefore, List<String> tiedBefore, int rankAfter,
                       List<String> tiedAfter, int rankChange, double totalBefore, double totalAfter, double totalChange,
                       Grade gradeBefore, Grade gradeAfter, String explanation, List<LineChange> lineChanges) {
        public Move {
            tiedBefore = List.copyOf(tiedBefore);
            tiedAfter = List.copyOf(tiedAfter);
            lineChanges = List.copyOf(lineChanges);
        }
    }

    /** One line whose points changed, and why in words. */
    public record LineChange(String component, String label, double pointsBefore, double pointsAfter, double change, String why) {
    }
}
