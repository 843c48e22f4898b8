package cn.changning.governance.assessment.domain.scoring;

/**
 * A scoring scheme: versioned data that turns the recorded facts of one subject into a {@link ScoreCard}. The agency
 * schemes score {@link AgencyInputs}, the street schemes (the district's assessment items) {@link StreetInputs}.
 * Scoring is a pure function of the inputs: the same inputs under the same scheme give the same card, which is what
 * lets a past period be re-scored under another scheme.
 */
public interface Scheme<I> {

    /** The scheme's id with its version, e.g. {@code agency-2016.v1}; recorded in every score it makes. */
    String id();

    ScoreCard score(I inputs);
}
